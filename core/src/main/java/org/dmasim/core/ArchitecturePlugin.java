package org.dmasim.core;

import com.google.inject.Module;
import java.util.List;

/**
 * What an architecture jar provides, found with {@link java.util.ServiceLoader}: its name,
 * its profiles, and a Guice module that binds, for a profile, exactly these keys:
 * {@link ArchitectureProfile}, {@link org.dmasim.core.DeviceBus},
 * {@link DmaMaintenance} and {@link org.dmasim.core.AddressSpace}.
 */
public interface ArchitecturePlugin {
  /** The architecture's name, as config files spell it. */
  String name();

  /** One line for {@code list}. */
  String description();

  /** The profiles; the first is the default. */
  List<ArchitectureProfile> profiles();

  /** The bindings for {@code profile}, one of {@link #profiles()}. The module only binds. */
  Module module(ArchitectureProfile profile);
}
