package org.dmasim.arch.x86;

import com.google.inject.Module;
import java.util.List;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.CostModel;
import org.dmasim.core.Abi;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;

/** The coherent x86-64 architecture: the cache snoops device traffic, DMA maintenance is a no-op. */
public final class X86Plugin implements ArchitecturePlugin {
  /** The architecture's name. */
  public static final String NAME = "x86";

  private static final List<ArchitectureProfile> PROFILES = List.of(
      new ArchitectureProfile(NAME, "x86-64", "x86-64: 64-byte lines, caches snoop DMA, no DMA alignment needed",
          CacheGeometry.writeBack(32 * 1024, 64, 8), 64, 1, 8, true, true, false, Abi.LP64,
          new CostModel(4, 200, 250, 20, 0.25, 100)));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "coherent: the cache snoops device reads and writes; every DMA maintenance hook is a no-op";
  }

  @Override
  public List<ArchitectureProfile> profiles() {
    return PROFILES;
  }

  @Override
  public Module module(ArchitectureProfile profile) {
    if (PROFILES.stream().noneMatch(known -> known.qualifiedName().equals(profile.qualifiedName()))) {
      throw new IllegalArgumentException("Profile " + profile.qualifiedName() + " is not one of " + NAME + "'s");
    }
    return new X86Module(profile);
  }
}
