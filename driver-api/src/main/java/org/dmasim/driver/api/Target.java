package org.dmasim.driver.api;

/**
 * What a driver may know of the machine it runs on: the names, the C data model, and the
 * constants Linux exposes to drivers (L1_CACHE_BYTES, ARCH_DMA_MINALIGN, the cache line
 * size maintenance steps by, whether the device is coherent).
 *
 * @param architecture the architecture's name
 * @param profile the profile's name
 * @param pointerSize bytes in a pointer
 * @param longSize bytes in a C {@code long}
 * @param eightByteAlignment the alignment of {@code long long} and {@code double} (4 on i386, 8 elsewhere)
 * @param l1CacheBytes L1_CACHE_BYTES, what {@code ____cacheline_aligned} aligns to
 * @param cacheLineSize the line size the cache writes back and maintains by
 * @param dmaAlignment ARCH_DMA_MINALIGN (1 where DMA needs no alignment)
 * @param dmaCoherent whether the cache snoops the device
 */
public record Target(String architecture, String profile, int pointerSize, int longSize, int eightByteAlignment,
    int l1CacheBytes, int cacheLineSize, int dmaAlignment, boolean dmaCoherent) {

  /** Checks the names are given and sizes and alignments are powers of two. */
  public Target {
    if (architecture == null || architecture.isBlank() || profile == null || profile.isBlank()) {
      throw new IllegalArgumentException("architecture and profile must not be blank");
    }
    for (int value : new int[] {pointerSize, longSize, eightByteAlignment, l1CacheBytes, cacheLineSize,
        dmaAlignment}) {
      if (value <= 0 || Integer.bitCount(value) != 1) {
        throw new IllegalArgumentException("Target " + architecture + "/" + profile
            + ": sizes and alignments must be powers of two, got " + value);
      }
    }
  }

  /** x86-64 (LP64, coherent, 64-byte lines), as gcc lays structs out for it. */
  public static final Target X86_64 = new Target("x86", "x86-64", 8, 8, 8, 64, 64, 1, true);
  /** 32-bit ARMv7 EABI (ILP32, 8-byte long long alignment, non-coherent, 32-byte lines). */
  public static final Target ARMV7 = new Target("arm-noncoherent", "armv7", 4, 4, 8, 64, 32, 64, false);
  /**
   * 32-bit x86 (i386 System V ABI: ILP32, {@code long long} and {@code double} only 4-aligned inside
   * structs; coherent, 64-byte lines), as {@code gcc -m32} lays structs out.
   */
  public static final Target I386 = new Target("x86", "i386", 4, 4, 4, 64, 64, 1, true);
}
