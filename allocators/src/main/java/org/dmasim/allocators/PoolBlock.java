package org.dmasim.allocators;

/** A block from a dma_pool: the CPU's address and the device's address. */
public record PoolBlock(long cpuAddress, long dmaAddress) {}
