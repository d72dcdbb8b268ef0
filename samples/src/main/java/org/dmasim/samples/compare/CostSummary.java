package org.dmasim.samples.compare;

/**
 * A cell's cost, as the mean per run (rounded): simulated cycles, cache misses, cache
 * maintenance operations (lines), uncached accesses, and bytes lost to padding and alignment.
 */
public record CostSummary(long cycles, long misses, long maintenanceOps, long uncachedAccesses, long paddingBytes) {}
