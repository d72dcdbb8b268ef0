package org.dmasim.core;


/**
 * Everything needed to build one simulated machine, resolved and checked: the profile, the
 * seed, the cache and costs (the profile's unless overridden), the choice rates, whether to
 * trace, and the device's burst size.
 */
public record MachineSettings(ArchitectureProfile profile, long seed, CacheGeometry cache, CostModel costs,
    ChoiceRates rates, boolean trace, int dmaBurstBytes) {

  /** The burst size used unless a configuration says otherwise. */
  public static final int DEFAULT_DMA_BURST_BYTES = 8;

  /** Checks every part is present and the burst size is a power of two from 1 to 4096. */
  public MachineSettings {
    if (profile == null || cache == null || costs == null || rates == null) {
      throw new IllegalArgumentException("profile, cache, costs and rates must not be null");
    }
    if (dmaBurstBytes < 1 || dmaBurstBytes > 4096 || Integer.bitCount(dmaBurstBytes) != 1) {
      throw new IllegalArgumentException("Invalid DMA burst size " + dmaBurstBytes
          + ": must be a power of two from 1 to 4096");
    }
  }

  /** The profile's defaults with {@code seed}, tracing off. */
  public static MachineSettings of(ArchitectureProfile profile, long seed) {
    return new MachineSettings(profile, seed, profile.cache(), profile.costs(), ChoiceRates.DEFAULT, false,
        DEFAULT_DMA_BURST_BYTES);
  }

  /** The same settings with tracing on or off. */
  public MachineSettings withTrace(boolean enabled) {
    return new MachineSettings(profile, seed, cache, costs, rates, enabled, dmaBurstBytes);
  }

  /** The same settings with another seed. */
  public MachineSettings withSeed(long newSeed) {
    return new MachineSettings(profile, newSeed, cache, costs, rates, trace, dmaBurstBytes);
  }

  /** The same settings with another cache. */
  public MachineSettings withCache(CacheGeometry newCache) {
    return new MachineSettings(profile, seed, newCache, costs, rates, trace, dmaBurstBytes);
  }

  /** The same settings with other costs. */
  public MachineSettings withCosts(CostModel newCosts) {
    return new MachineSettings(profile, seed, cache, newCosts, rates, trace, dmaBurstBytes);
  }

  /** The same settings with other choice rates. */
  public MachineSettings withRates(ChoiceRates newRates) {
    return new MachineSettings(profile, seed, cache, costs, newRates, trace, dmaBurstBytes);
  }

  /** The same settings with another DMA burst size. */
  public MachineSettings withDmaBurstBytes(int bytes) {
    return new MachineSettings(profile, seed, cache, costs, rates, trace, bytes);
  }
}
