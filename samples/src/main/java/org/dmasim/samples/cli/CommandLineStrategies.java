package org.dmasim.samples.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmasim.core.Names;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.compare.ComparisonPlan;

/** Restricts a plan to the strategies named on the command line. */
final class CommandLineStrategies {
  private CommandLineStrategies() {}

  /** Each sample runs the named strategies it has; a sample with none of them is dropped. */
  static ComparisonPlan restrict(ComparisonPlan plan, List<String> names) {
    Set<String> known = new LinkedHashSet<>();
    plan.samples().forEach(sample -> known.addAll(sample.strategyNames()));
    for (String name : names) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("Unknown strategy '" + name + "' for the selected samples. Available: "
            + String.join(", ", known) + "." + Names.didYouMean(name, known));
      }
    }
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
