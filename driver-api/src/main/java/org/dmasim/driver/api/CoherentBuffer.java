package org.dmasim.driver.api;

/** Memory from {@link DmaApi#allocCoherent}: the CPU's address, the device's address and the size. */
public record CoherentBuffer(long cpuAddress, long dmaAddress, long size) {}
