package org.dmasim.samples.compare;

import java.util.List;
import org.dmasim.core.CostReport;
import org.dmasim.core.TraceEvent;
import org.dmasim.driver.api.Finding;
import org.dmasim.samples.drivers.Recorder;

/** One run of one sample, strategy and profile: the oracle's verdict, debug findings, costs and the trace. */
public record RunResult(long seed, Verdict verdict, List<Finding> findings, CostReport costs, long paddingBytes,
    Recorder recorder, List<TraceEvent> trace) {
  /** Copies the lists. */
  public RunResult {
    findings = List.copyOf(findings);
    trace = List.copyOf(trace);
  }
}
