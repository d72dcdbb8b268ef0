package org.dmasim.arch.mips;

import com.google.inject.Module;
import java.util.List;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.CostModel;
import org.dmasim.core.Abi;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;

/**
 * Non-coherent 32-bit MIPS: KSEG0 (cached) and KSEG1 (uncached) views of the first 512 MiB,
 * Hit_Invalidate without write-back for device writes, and on the cores that speculate an
 * invalidate after DMA.
 */
public final class MipsPlugin implements ArchitecturePlugin {
  /** The architecture's name. */
  public static final String NAME = "mips";

  private static final CostModel COSTS = new CostModel(2, 80, 60, 8, 1.0, 100);

  static final ArchitectureProfile R4K = new ArchitectureProfile(NAME, "r4k",
      "MIPS r4k class (24K/74K): 32-byte lines, no speculative fills, no post-DMA invalidate",
      CacheGeometry.writeBack(32 * 1024, 32, 4), 32, 128, 128, false, false, false, Abi.MIPS_O32, COSTS);
  static final ArchitectureProfile R10000 = new ArchitectureProfile(NAME, "r10000",
      "MIPS R10000 class: 32-byte lines, speculative fills, invalidate after DMA (cpu_needs_post_dma_flush)",
      CacheGeometry.writeBack(32 * 1024, 32, 2), 32, 128, 128, false, true, false, Abi.MIPS_O32, COSTS);

  private static final List<ArchitectureProfile> PROFILES = List.of(R4K, R10000);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "non-coherent MIPS: KSEG0/KSEG1 aliases, r4k and R10000 cache maintenance";
  }

  @Override
  public List<ArchitectureProfile> profiles() {
    return PROFILES;
  }

  @Override
  public Module module(ArchitectureProfile profile) {
    if (NAME.equals(profile.architecture()) && profile.name().equals(R4K.name())) {
      return new MipsModule(profile, false);
    }
    if (NAME.equals(profile.architecture()) && profile.name().equals(R10000.name())) {
      return new MipsModule(profile, true);
    }
    throw new IllegalArgumentException("Profile " + profile.qualifiedName() + " is not one of " + NAME + "'s");
  }
}
