package org.dmasim.driver.boot;

import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import org.dmasim.allocators.AllocatorsModule;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.Machine;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.Machines;
import org.dmasim.core.SeededChoiceSource;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.internal.DriverApiModule;

/** Boots simulated machines with allocators and the driver API, one injector each. */
public final class Platforms {
  private Platforms() {}

  /** The default profile of {@code architecture} (or the named one), seeded, with DMA-API debugging on. */
  public static Platform boot(String architecture, String profile, long seed) {
    ArchitectureRegistry registry = ArchitectureRegistry.discover();
    return boot(registry, MachineSettings.of(registry.profile(architecture, profile), seed), DebugOptions.ON)
        .platform();
  }

  /** A machine for {@code settings}, its choices seeded from the settings. */
  public static BootedPlatform boot(ArchitectureRegistry registry, MachineSettings settings, DebugOptions debug) {
    return boot(registry, settings, new SeededChoiceSource(settings.seed(), settings.rates()), debug);
  }

  /** A machine for {@code settings} whose hardware choices come from {@code choices}. */
  public static BootedPlatform boot(ArchitectureRegistry registry, MachineSettings settings, ChoiceSource choices,
      DebugOptions debug) {
    Injector injector = injector(registry, settings, choices, debug, false, List.of());
    return new BootedPlatform(injector.getInstance(Platform.class), injector.getInstance(Machine.class));
  }

  /**
   * The injector of one machine with allocators, the driver API and {@code drivers} (modules that
   * bind a driver and its strategy); {@code swiotlbForce} bounces every streaming mapping.
   */
  public static Injector injector(ArchitectureRegistry registry, MachineSettings settings, ChoiceSource choices,
      DebugOptions debug, boolean swiotlbForce, List<Module> drivers) {
    List<Module> modules = new ArrayList<>();
    modules.add(new AllocatorsModule());
    modules.add(new DriverApiModule(debug, swiotlbForce));
    modules.addAll(drivers);
    return Machines.injector(registry, settings, choices, modules);
  }
}
