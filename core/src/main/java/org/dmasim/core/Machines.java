package org.dmasim.core;

import com.google.inject.Guice;
import com.google.inject.Stage;

/** The one place where machines are built: one injector per simulated machine. */
public final class Machines {
  private Machines() {}

  /** A machine for {@code settings}, its nondeterminism drawn from {@code settings.seed()}. */
  public static Machine create(ArchitectureRegistry registry, MachineSettings settings) {
    return create(registry, settings, new SeededChoiceSource(settings.seed(), settings.rates()));
  }

  /** A machine for {@code settings} whose hardware choices come from {@code choices}. */
  public static Machine create(ArchitectureRegistry registry, MachineSettings settings, ChoiceSource choices) {
    if (registry == null || settings == null || choices == null) {
      throw new IllegalArgumentException("registry, settings and choices must not be null");
    }
    var plugin = registry.plugin(settings.profile().architecture());
    return Guice.createInjector(Stage.PRODUCTION, new CoreModule(settings, choices),
            plugin.module(settings.profile()))
        .getInstance(Machine.class);
  }
}
