package org.dmasim.arch.arm;

import com.google.inject.Module;
import java.util.List;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.CostModel;
import org.dmasim.core.Abi;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;

/**
 * ARM with a non-coherent device: no snooping, speculative fills of any cacheable line, and
 * Linux's per-direction maintenance for ARMv7 and for arm64 before and since Linux 5.19.
 */
public final class ArmNoncoherentPlugin implements ArchitecturePlugin {
  /** The architecture's name. */
  public static final String NAME = "arm-noncoherent";

  private static final CostModel COSTS = new CostModel(3, 120, 100, 10, 0.5, 100);

  static final ArchitectureProfile ARMV7 = new ArchitectureProfile(NAME, "armv7",
      "Cortex-A9 class ARMv7: 32-byte lines, L1_CACHE_BYTES 64, DMA alignment 64, kmalloc minimum 64",
      CacheGeometry.writeBack(32 * 1024, 32, 4), 64, 64, 64, false, true, false, Abi.ARM_EABI, COSTS);
  static final ArchitectureProfile ARM64 = new ArchitectureProfile(NAME, "arm64",
      "arm64, Linux >= 6.5: 64-byte lines, DMA alignment 128, kmalloc minimum 8, small buffers bounced, clean at map",
      CacheGeometry.writeBack(32 * 1024, 64, 4), 64, 128, 8, false, true, true, Abi.LP64, COSTS);
  static final ArchitectureProfile ARM64_CWG128 = new ArchitectureProfile(NAME, "arm64-cwg128",
      "arm64 server part whose cache writes back 128-byte granules behind L1_CACHE_BYTES 64",
      CacheGeometry.writeBack(64 * 1024, 128, 4), 64, 128, 8, false, true, true, Abi.LP64, COSTS);
  static final ArchitectureProfile ARM64_PRE_5_19 = new ArchitectureProfile(NAME, "arm64-pre5.19",
      "arm64 before Linux 5.19: invalidate at map for FROM_DEVICE, kmalloc minimum 128, no bouncing",
      CacheGeometry.writeBack(32 * 1024, 64, 4), 64, 128, 128, false, true, false, Abi.LP64, COSTS);

  private static final List<ArchitectureProfile> PROFILES = List.of(ARMV7, ARM64, ARM64_CWG128, ARM64_PRE_5_19);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "non-coherent ARM: no snooping, speculative fills, per-direction maintenance (ARMv7, arm64)";
  }

  @Override
  public List<ArchitectureProfile> profiles() {
    return PROFILES;
  }

  @Override
  public Module module(ArchitectureProfile profile) {
    if (!NAME.equals(profile.architecture())) {
      throw new IllegalArgumentException("Profile " + profile.qualifiedName() + " is not one of " + NAME + "'s");
    }
    return switch (profile.name()) {
      case "armv7" -> new ArmModule(profile, ArmDmaMaintenance.Variant.ARMV7);
      case "arm64", "arm64-cwg128" -> new ArmModule(profile, ArmDmaMaintenance.Variant.ARM64);
      case "arm64-pre5.19" -> new ArmModule(profile, ArmDmaMaintenance.Variant.ARM64_PRE_5_19);
      default -> throw new IllegalArgumentException("Profile " + profile.qualifiedName() + " is not one of " + NAME
          + "'s");
    };
  }
}
