package org.dmasim.core;


/**
 * One configuration of an architecture: its default cache and costs, and the constants
 * Linux uses for it. The cache line size is the one maintenance steps by and write-backs
 * cover (the writeback granule where that exceeds L1_CACHE_BYTES).
 *
 * @param architecture the architecture's name, as config files and reports spell it
 * @param name the profile's name
 * @param description one line for {@code list}
 * @param cache the default data cache
 * @param l1CacheBytes L1_CACHE_BYTES, what {@code ____cacheline_aligned} aligns to
 * @param dmaAlignment ARCH_DMA_MINALIGN (1 where DMA needs no alignment)
 * @param kmallocMinimumAlignment the smallest kmalloc class and its alignment
 * @param dmaCoherent whether the cache snoops device traffic
 * @param speculativeFills whether the core may fill any cacheable line at any moment
 * @param bouncesSmallKmallocBuffers whether small non-TO_DEVICE mappings are bounced (Linux 6.5)
 * @param abi the C data model
 * @param costs the default cost model
 */
public record ArchitectureProfile(String architecture, String name, String description, CacheGeometry cache,
    int l1CacheBytes, int dmaAlignment, int kmallocMinimumAlignment, boolean dmaCoherent,
    boolean speculativeFills, boolean bouncesSmallKmallocBuffers, Abi abi, CostModel costs) {

  /** Checks names are given and alignments are powers of two. */
  public ArchitectureProfile {
    if (architecture == null || architecture.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("architecture and profile names must not be blank");
    }
    if (description == null || cache == null || abi == null || costs == null) {
      throw new IllegalArgumentException("profile " + name + ": description, cache, abi and costs are required");
    }
    requirePowerOfTwo(name, "l1CacheBytes", l1CacheBytes);
    requirePowerOfTwo(name, "dmaAlignment", dmaAlignment);
    requirePowerOfTwo(name, "kmallocMinimumAlignment", kmallocMinimumAlignment);
  }

  /**
   * The same profile with Linux 6.5's small-buffer bouncing on or off: an experiment, since
   * Linux lowers the kmalloc minimum only together with the bouncing.
   */
  public ArchitectureProfile withBouncesSmallKmallocBuffers(boolean bounces) {
    return new ArchitectureProfile(architecture, name, description, cache, l1CacheBytes, dmaAlignment,
        kmallocMinimumAlignment, dmaCoherent, speculativeFills, bounces, abi, costs);
  }

  /** {@code architecture/name}, as reports print it. */
  public String qualifiedName() {
    return architecture + "/" + name;
  }

  private static void requirePowerOfTwo(String profile, String field, int value) {
    if (value <= 0 || (value & (value - 1)) != 0) {
      throw new IllegalArgumentException("profile " + profile + ": " + field + " must be a power of two, was " + value);
    }
  }
}
