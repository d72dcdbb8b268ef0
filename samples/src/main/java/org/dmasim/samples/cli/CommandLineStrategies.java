package org.dmasim.samples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.compare.ComparisonPlan;

/** Restricts a plan to the strategies named on the command line. */
final class CommandLineStrategies {
  private CommandLineStrategies() {}

  /** Each sample runs the named strategies it has; a sample with none of them is dropped. */
  static ComparisonPlan restrict(ComparisonPlan plan, List<String> names) {
    Map<String, List<String>> bySample = new LinkedHashMap<>();
    List<SampleInfo> kept = plan.samples().stream().filter(sample -> {
      List<String> chosen = sample.strategyNames().stream().filter(names::contains).toList();
      if (!chosen.isEmpty()) {
        bySample.put(sample.name(), chosen);
      }
      return !chosen.isEmpty();
    }).toList();
    return new ComparisonPlan(plan.profiles(), kept, bySample, plan.seed(), plan.runs(), plan.machine(),
        plan.debug());
  }
}
