package org.dmasim.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The architectures found on the class path, by name. Two plugins with one name, or a plugin
 * with a duplicate profile name, fail at start-up naming both.
 */
public final class ArchitectureRegistry {
  private final Map<String, ArchitecturePlugin> plugins;

  /** A registry of exactly {@code plugins}. */
  public ArchitectureRegistry(Iterable<? extends ArchitecturePlugin> plugins) {
    Map<String, ArchitecturePlugin> byName = new TreeMap<>();
    for (ArchitecturePlugin plugin : plugins) {
      ArchitecturePlugin previous = byName.putIfAbsent(plugin.name(), plugin);
      if (previous != null) {
        throw new PluginConflictException(plugin.name(), previous.getClass(), plugin.getClass());
      }
      checkProfiles(plugin);
    }
    this.plugins = Collections.unmodifiableMap(byName);
  }

  /** The plugins that {@link ServiceLoader} finds with this class's loader. */
  public static ArchitectureRegistry discover() {
    return discover(ArchitectureRegistry.class.getClassLoader());
  }

  /** The plugins that {@link ServiceLoader} finds with {@code loader}. */
  public static ArchitectureRegistry discover(ClassLoader loader) {
    return new ArchitectureRegistry(ServiceLoader.load(ArchitecturePlugin.class, loader));
  }

  /** The architecture names, sorted. */
  public List<String> names() {
    return List.copyOf(plugins.keySet());
  }

  /** The plugins, sorted by name. */
  public List<ArchitecturePlugin> plugins() {
    return List.copyOf(plugins.values());
  }

  /** The plugin named {@code name}, or an error listing the available ones. */
  public ArchitecturePlugin plugin(String name) {
    ArchitecturePlugin plugin = plugins.get(name);
    if (plugin == null) {
      throw new IllegalArgumentException(unknownArchitecture(name));
    }
    return plugin;
  }

  /** The message for an unknown architecture name. */
  public String unknownArchitecture(String name) {
    String unknown = "Unknown architecture '" + name + "'. Available: " + String.join(", ", plugins.keySet());
    for (ArchitecturePlugin plugin : plugins.values()) {
      for (ArchitectureProfile profile : plugin.profiles()) {
        if (profile.name().equals(name)) {
          return unknown + "; '" + name + "' is a profile of " + plugin.name() + ": " + plugin.name() + "/" + name + ".";
        }
      }
    }
    return unknown + "." + Names.didYouMean(name, plugins.keySet());
  }

  /** The named profile of an architecture; a null or empty profile name gives the default. */
  public ArchitectureProfile profile(String architecture, String profile) {
    ArchitecturePlugin plugin = plugin(architecture);
    if (profile == null || profile.isEmpty()) {
      return plugin.profiles().get(0);
    }
    for (ArchitectureProfile candidate : plugin.profiles()) {
      if (candidate.name().equals(profile)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(unknownProfile(plugin, profile));
  }

  /** The message for an unknown profile of {@code plugin}. */
  public static String unknownProfile(ArchitecturePlugin plugin, String profile) {
    List<String> names = profileNames(plugin);
    return "Unknown profile '" + profile + "' of architecture '" + plugin.name() + "'. Available: "
        + String.join(", ", names) + "." + Names.didYouMean(profile, names);
  }

  /** Every profile of every architecture, in name order. */
  public List<ArchitectureProfile> allProfiles() {
    List<ArchitectureProfile> all = new ArrayList<>();
    plugins.values().forEach(plugin -> all.addAll(plugin.profiles()));
    return all;
  }

  private static List<String> profileNames(ArchitecturePlugin plugin) {
    return plugin.profiles().stream().map(ArchitectureProfile::name).toList();
  }

  private static void checkProfiles(ArchitecturePlugin plugin) {
    List<ArchitectureProfile> profiles = plugin.profiles();
    if (profiles == null || profiles.isEmpty()) {
      throw new IllegalStateException("Architecture plugin " + plugin.getClass().getName() + " has no profiles");
    }
    List<String> seen = new ArrayList<>();
    for (ArchitectureProfile profile : profiles) {
      if (!profile.architecture().equals(plugin.name())) {
        throw new IllegalStateException("Profile " + profile.name() + " of " + plugin.getClass().getName()
            + " names architecture '" + profile.architecture() + "', not '" + plugin.name() + "'");
      }
      if (seen.contains(profile.name())) {
        throw new IllegalStateException("Architecture '" + plugin.name() + "' has two profiles named '"
            + profile.name() + "'");
      }
      seen.add(profile.name());
    }
  }
}
