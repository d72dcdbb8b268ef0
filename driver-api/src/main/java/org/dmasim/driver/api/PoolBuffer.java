package org.dmasim.driver.api;

/** A block from a {@link DmaPool}: the CPU's address and the device's address. */
public record PoolBuffer(long cpuAddress, long dmaAddress) {}
