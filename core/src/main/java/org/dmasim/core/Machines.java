package org.dmasim.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where machines are built: one injector per simulated machine.
 *
 * <p>Machines are built by the thousand (a comparison boots one per seeded run), and Guice by
 * default captures a stack trace for every binding it records, to name its source in error
 * messages: a third of the time it takes to build a machine. Unless the JVM was started with
 * {@code -Dguice_include_stack_traces=...}, this class turns that off before the first
 * injector is built; binding errors then name the module and binding, without line numbers.
 */
public final class Machines {
  static {
    if (System.getProperty("guice_include_stack_traces") == null) {
      System.setProperty("guice_include_stack_traces", "OFF");
    }
  }

  private Machines() {}

  /** A machine for {@code settings}, its nondeterminism drawn from {@code settings.seed()}. */
  public static Machine create(ArchitectureRegistry registry, MachineSettings settings) {
    return create(registry, settings, new SeededChoiceSource(settings.seed(), settings.rates()));
  }

  /** A machine for {@code settings} whose hardware choices come from {@code choices}. */
  public static Machine create(ArchitectureRegistry registry, MachineSettings settings, ChoiceSource choices) {
    return injector(registry, settings, choices, List.of()).getInstance(Machine.class);
  }

  /**
   * The injector of one machine, with {@code extensions} (allocators, the driver API) bound
   * beside the core and the architecture, so that everything of one machine shares it.
   */
  public static Injector injector(ArchitectureRegistry registry, MachineSettings settings, ChoiceSource choices,
      List<Module> extensions) {
    if (registry == null || settings == null || choices == null || extensions == null) {
      throw new IllegalArgumentException("registry, settings, choices and extensions must not be null");
    }
    var plugin = registry.plugin(settings.profile().architecture());
    List<Module> modules = new ArrayList<>();
    modules.add(new CoreModule(settings, choices));
    modules.add(plugin.module(settings.profile()));
    modules.addAll(extensions);
    return Guice.createInjector(Stage.PRODUCTION, modules);
  }
}
