package org.dmasim.benchmarks;

import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;

/** The profiles the benchmarks run on, by the short names of their {@code arch} parameters. */
final class Profiles {
  static final ArchitectureRegistry REGISTRY = ArchitectureRegistry.discover();

  private Profiles() {}

  /** {@code x86} (x86-64, snooping) or {@code arm64} (non-coherent, speculative fills). */
  static ArchitectureProfile of(String arch) {
    return switch (arch) {
      case "x86" -> REGISTRY.profile("x86", "x86-64");
      case "arm64" -> REGISTRY.profile("arm-noncoherent", "arm64");
      default -> throw new IllegalArgumentException("Unknown benchmark arch " + arch + ": x86 or arm64");
    };
  }
}
