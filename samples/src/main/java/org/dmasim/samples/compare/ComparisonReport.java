package org.dmasim.samples.compare;

import java.util.List;
import org.dmasim.samples.catalog.SampleInfo;

/**
 * A whole comparison: the tool's version, the first seed, runs per cell, the cells in
 * sample, strategy and profile order, the samples' declarations, and how it ran.
 */
public record ComparisonReport(String tool, String version, long seed, int runs, List<CellResult> results,
    List<SampleInfo> samples, long wallMillis, int threads) {
  /** Copies the lists. */
  public ComparisonReport {
    results = List.copyOf(results);
    samples = List.copyOf(samples);
  }
}
