package org.dmasim.driver.api;

import java.util.Map;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.FixedChoiceSource;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.SeededChoiceSource;
import org.dmasim.driver.boot.BootedPlatform;
import org.dmasim.driver.boot.Platforms;

/** Boots platforms for tests. */
final class Platforms4Test {
  static final ArchitectureRegistry REGISTRY = ArchitectureRegistry.discover();

  private Platforms4Test() {}

  /** A platform whose hardware never evicts or speculates on its own, so a test's outcome is fixed. */
  static BootedPlatform quiet(String architecture, String profile, DebugOptions debug) {
    MachineSettings settings = MachineSettings.of(REGISTRY.profile(architecture, profile), 1);
    return Platforms.boot(REGISTRY, settings, new FixedChoiceSource(Map.of(ChoicePoint.SPONTANEOUS_EVICTION, 0,
        ChoicePoint.SPECULATIVE_FILL, 0, ChoicePoint.BUS_ARBITRATION, 0),
        new SeededChoiceSource(1, ChoiceRates.DEFAULT)), debug);
  }

  /** A seeded platform with the default choice rates. */
  static BootedPlatform seeded(String architecture, String profile, long seed, DebugOptions debug) {
    return Platforms.boot(REGISTRY, MachineSettings.of(REGISTRY.profile(architecture, profile), seed), debug);
  }
}
