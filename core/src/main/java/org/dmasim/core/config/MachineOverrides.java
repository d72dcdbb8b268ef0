package org.dmasim.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.CostModel;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.ReplacementPolicy;
import org.dmasim.core.WritePolicy;
import org.dmasim.core.ArchitectureProfile;

/**
 * What a configuration changes of a profile's machine: cache geometry and policies, costs,
 * choice rates, the DMA burst size, and whether Linux 6.5's small-kmalloc bouncing is on
 * (non-coherent profiles only). A null field keeps the profile's value.
 */
public record MachineOverrides(Integer cacheSize, Integer lineSize, Integer ways, ReplacementPolicy replacement,
    WritePolicy writePolicy, Boolean writeAllocate, Integer hitCycles, Integer missCycles, Integer uncachedCycles,
    Integer maintenancePerLineCycles, Double dmaCyclesPerByte, Integer dmaSetupCycles, ChoiceRates rates,
    int dmaBurstBytes, Boolean kmallocBounce) {

  /** Nothing overridden. */
  public static final MachineOverrides NONE = new MachineOverrides(null, null, null, null, null, null, null, null,
      null, null, null, null, ChoiceRates.DEFAULT, MachineSettings.DEFAULT_DMA_BURST_BYTES, null);

  /** Checks the rates are present. */
  public MachineOverrides {
    if (rates == null) {
      throw new IllegalArgumentException("rates must not be null");
    }
  }

  /** Reads the machine keys ({@code cache.*}, {@code cost.*}, {@code choices.*}, {@code dma.*}). */
  public static MachineOverrides read(ConfigReader reader) {
    Integer cacheSize = optionalInt(reader, "cache.size", 256, 64L << 20);
    Long line = reader.optionalInteger("cache.line-size", value -> Long.bitCount(value) == 1
        && value >= CacheGeometry.MIN_LINE_SIZE && value <= CacheGeometry.MAX_LINE_SIZE,
        "must be a power of two between " + CacheGeometry.MIN_LINE_SIZE + " and " + CacheGeometry.MAX_LINE_SIZE + ".");
    Integer lineSize = line == null ? null : line.intValue();
    Integer ways = optionalInt(reader, "cache.ways", 1, 64);
    String replacement = reader.string("cache.replacement", null, names(ReplacementPolicy.values()));
    String writePolicy = reader.string("cache.write-policy", null, names(WritePolicy.values()));
    Boolean writeAllocate = reader.isSet("cache.write-allocate") ? reader.bool("cache.write-allocate", true) : null;
    Integer hit = optionalInt(reader, "cost.hit", 0, 1_000_000);
    Integer miss = optionalInt(reader, "cost.miss", 0, 1_000_000);
    Integer uncached = optionalInt(reader, "cost.uncached", 0, 1_000_000);
    Integer maintenance = optionalInt(reader, "cost.maintenance-per-line", 0, 1_000_000);
    Double perByte = reader.optionalDecimal("cost.dma-per-byte", 0, 1_000);
    Integer setup = optionalInt(reader, "cost.dma-setup", 0, 1_000_000);
    ChoiceRates defaults = ChoiceRates.DEFAULT;
    ChoiceRates rates = new ChoiceRates(
        reader.decimal("choices.device-first", defaults.deviceFirst(), 0, 1),
        reader.decimal("choices.spontaneous-eviction", defaults.spontaneousEviction(), 0, 1),
        reader.decimal("choices.speculative-fill", defaults.speculativeFill(), 0, 1));
    Long burstBytes = reader.optionalInteger("dma.burst-bytes",
        value -> value >= 1 && value <= 4096 && Long.bitCount(value) == 1, "must be a power of two from 1 to 4096.");
    long burst = burstBytes == null ? MachineSettings.DEFAULT_DMA_BURST_BYTES : burstBytes;
    Boolean kmallocBounce = reader.isSet("dma.kmalloc-bounce") ? reader.bool("dma.kmalloc-bounce", false) : null;
    return new MachineOverrides(cacheSize, lineSize, ways,
        replacement == null ? null : ReplacementPolicy.valueOf(replacement.toUpperCase(Locale.ROOT)),
        writePolicy == null ? null : WritePolicy.valueOf(writePolicy.toUpperCase(Locale.ROOT).replace('-', '_')),
        writeAllocate, hit, miss, uncached, maintenance, perByte, setup, rates, (int) burst, kmallocBounce);
  }

  /** The settings of a machine of {@code profile} with these overrides; throws naming a bad combination. */
  public MachineSettings apply(ArchitectureProfile profile, long seed, boolean trace) {
    CacheGeometry base = profile.cache();
    CacheGeometry cache = new CacheGeometry(
        cacheSize != null ? cacheSize : base.sizeBytes(),
        lineSize != null ? lineSize : base.lineSize(),
        ways != null ? ways : base.ways(),
        replacement != null ? replacement : base.replacement(),
        writePolicy != null ? writePolicy : base.writePolicy(),
        writeAllocate != null ? writeAllocate : base.writeAllocate());
    CostModel costs = profile.costs();
    int hit = hitCycles != null ? hitCycles : costs.hitCycles();
    int miss = missCycles != null ? missCycles : costs.missCycles();
    if (hit > miss) {
      throw new IllegalArgumentException("cost.hit " + hit + (hitCycles == null ? " (the profile's)" : "")
          + " must not exceed cost.miss " + miss + (missCycles == null ? " (the profile's)" : ""));
    }
    CostModel effective = new CostModel(
        hit,
        miss,
        uncachedCycles != null ? uncachedCycles : costs.uncachedCycles(),
        maintenancePerLineCycles != null ? maintenancePerLineCycles : costs.maintenancePerLineCycles(),
        dmaCyclesPerByte != null ? dmaCyclesPerByte : costs.dmaCyclesPerByte(),
        dmaSetupCycles != null ? dmaSetupCycles : costs.dmaSetupCycles());
    ArchitectureProfile effectiveProfile = kmallocBounce == null || profile.dmaCoherent() ? profile
        : profile.withBouncesSmallKmallocBuffers(kmallocBounce);
    return new MachineSettings(effectiveProfile, seed, cache, effective, rates, trace, dmaBurstBytes);
  }

  private static Integer optionalInt(ConfigReader reader, String key, long min, long max) {
    Long value = reader.optionalInteger(key, min, max);
    return value == null ? null : value.intValue();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
  }
}
