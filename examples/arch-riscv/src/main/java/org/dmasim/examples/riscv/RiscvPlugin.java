package org.dmasim.examples.riscv;

import com.google.inject.Module;
import java.util.List;
import org.dmasim.core.Abi;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.CostModel;

/**
 * Non-coherent 64-bit RISC-V with the Zicbom extension: no snooping, speculative fills of any
 * cacheable line, and the cache maintenance of Linux's arch/riscv/mm/dma-noncoherent.c, done
 * with {@code cbo.clean}, {@code cbo.inval} and {@code cbo.flush} one 64-byte cache block at a
 * time.
 *
 * <p>The only public class of this jar, and its one provider in
 * {@code META-INF/services/org.dmasim.core.ArchitecturePlugin}.
 */
public final class RiscvPlugin implements ArchitecturePlugin {
  /** The architecture's name, as config files spell it. */
  public static final String NAME = "riscv";

  /** Like ARM's: a cheap hit, a dear miss, uncached accesses near a miss, a cache op per block. */
  private static final CostModel COSTS = new CostModel(3, 120, 100, 10, 0.5, 100);

  /**
   * A Linux >= 6.5 kernel on an rv64 core with Zicbom: riscv,cbom-block-size 64 and 64-byte
   * lines, ARCH_DMA_MINALIGN = L1_CACHE_BYTES = 64, kmalloc down to 8 bytes because small
   * device-writable mappings are bounced, LP64.
   */
  static final ArchitectureProfile RV64_ZICBOM = new ArchitectureProfile(NAME, "rv64-zicbom",
      "rv64 with Zicbom, Linux >= 6.5: 64-byte blocks, DMA alignment 64, kmalloc minimum 8, small buffers bounced,"
          + " clean at map, cbo.inval after DMA",
      CacheGeometry.writeBack(32 * 1024, 64, 4), 64, 64, 8, false, true, true, Abi.LP64, COSTS);

  private static final List<ArchitectureProfile> PROFILES = List.of(RV64_ZICBOM);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "non-coherent RISC-V with Zicbom: no snooping, speculative fills, cbo.clean/cbo.inval/cbo.flush per block";
  }

  @Override
  public List<ArchitectureProfile> profiles() {
    return PROFILES;
  }

  /**
   * The bindings for {@code profile}. It is recognised by name, not by equality: a configuration
   * may hand back one of {@link #profiles()} with fields overridden (such as
   * {@code dma.kmalloc-bounce}), and the module binds the profile exactly as given.
   */
  @Override
  public Module module(ArchitectureProfile profile) {
    if (profile == null) {
      throw new IllegalArgumentException("profile must not be null");
    }
    if (PROFILES.stream().noneMatch(known -> known.qualifiedName().equals(profile.qualifiedName()))) {
      throw new IllegalArgumentException("Profile " + profile.qualifiedName() + " is not one of " + NAME + "'s");
    }
    return new RiscvModule(profile);
  }
}
