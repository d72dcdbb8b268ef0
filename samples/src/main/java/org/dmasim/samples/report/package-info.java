/**
 * Renders a {@link org.dmasim.samples.compare.ComparisonReport} for people and tools: a
 * terminal matrix, a stable JSON contract, a self-contained HTML page with failure timelines,
 * and JUnit XML for CI ({@link org.dmasim.samples.report.ReportFormat}), and writes report files
 * atomically ({@link org.dmasim.samples.report.AtomicFiles}).
 *
 * <p>Every format renders the same report to the same characters: only the text format
 * mentions the wall time and thread count, on its last line.
 */
package org.dmasim.samples.report;
