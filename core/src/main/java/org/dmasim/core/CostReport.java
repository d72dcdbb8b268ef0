package org.dmasim.core;

/** What a run cost: simulated cycles and the counts behind them. */
public record CostReport(long cycles, long hits, long misses, long uncachedAccesses,
    long maintenanceOperations, long writeBacks, long speculativeFills, long evictions,
    long dmaBytes) {}
