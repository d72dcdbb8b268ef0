package org.dmasim.samples.catalog;

import java.util.List;
import org.dmasim.core.Names;
import org.dmasim.samples.drivers.Expectations;
import org.dmasim.samples.drivers.SampleDriver;

/** A sample driver as the runner knows it: name, description, driver class, expectations, strategies. */
public record SampleInfo(String name, String description, Class<? extends SampleDriver> driver,
    Expectations expectations, List<StrategyInfo> strategies) {
  /** Checks the parts and that strategy names are unique. */
  public SampleInfo {
    if (name == null || description == null || driver == null || expectations == null || strategies == null
        || strategies.isEmpty()) {
      throw new IllegalArgumentException("sample name, description, driver, expectations and strategies are required");
    }
    strategies = List.copyOf(strategies);
    if (strategies.stream().map(StrategyInfo::name).distinct().count() != strategies.size()) {
      throw new IllegalArgumentException("sample " + name + " has two strategies of one name");
    }
  }

  /** The strategy called {@code strategyName}, or an error listing them. */
  public StrategyInfo strategy(String strategyName) {
    return strategies.stream().filter(strategy -> strategy.name().equals(strategyName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown strategy '" + strategyName + "' of sample '" + name
            + "'. Available: " + String.join(", ", strategyNames()) + "." + Names.didYouMean(strategyName,
                strategyNames())));
  }

  /** The strategy names, in catalog order. */
  public List<String> strategyNames() {
    return strategies.stream().map(StrategyInfo::name).toList();
  }
}
