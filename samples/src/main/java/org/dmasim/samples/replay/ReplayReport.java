package org.dmasim.samples.replay;

import java.util.Locale;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.WritePolicy;

/** The counts of a replay as Dinero IV prints them: a row per metric, a column per access type. */
public final class ReplayReport {
  private ReplayReport() {}

  /** The report of {@code statistics} from replaying {@code source} into {@code geometry}. */
  public static String render(String source, TraceFormat format, CacheGeometry geometry,
      ReplayStatistics statistics) {
    StringBuilder out = new StringBuilder();
    out.append("dmasim cache-replay of ").append(source).append(" (").append(format.optionName()).append(" format, ")
        .append(statistics.records()).append(" records)\n");
    out.append("cache: ").append(describe(geometry)).append('\n');
    if (statistics.copyBacks() + statistics.invalidates() > 0) {
      out.append("maintenance records: ").append(statistics.copyBacks()).append(" copy-back, ")
          .append(statistics.invalidates()).append(" invalidate\n");
    }
    out.append('\n');
    out.append(String.format(Locale.ROOT, " %-22s%12s%12s%12s%12s%12s%12s%n", "Metrics", "Total", "Instrn", "Data",
        "Read", "Write", "Misc"));
    out.append(String.format(Locale.ROOT, " %-22s%12s%12s%12s%12s%12s%12s%n", "-----------------", "------",
        "------", "------", "------", "------", "------"));
    long[] fetches = statistics.fetches;
    long[] misses = statistics.misses;
    counts(out, "Demand Fetches", fetches);
    double total = Math.max(1, ReplayStatistics.sum(fetches));
    rates(out, " Fraction of total", fetches, new long[] {(long) total, (long) total, (long) total, (long) total},
        (long) total, (long) total);
    out.append('\n');
    counts(out, "Demand Misses", misses);
    rates(out, " Demand miss rate", misses, fetches, ReplayStatistics.sum(fetches),
        data(fetches));
    if (statistics.classified()) {
      counts(out, "  Compulsory misses", statistics.compulsory);
      counts(out, "  Capacity misses", statistics.capacity);
      counts(out, "  Conflict misses", statistics.conflict);
      rates(out, "  Compulsory fraction", statistics.compulsory, misses, ReplayStatistics.sum(misses), data(misses));
      rates(out, "  Capacity fraction", statistics.capacity, misses, ReplayStatistics.sum(misses), data(misses));
      rates(out, "  Conflict fraction", statistics.conflict, misses, ReplayStatistics.sum(misses), data(misses));
    }
    out.append('\n');
    long demandFetches = ReplayStatistics.sum(fetches);
    long writes = fetches[AccessType.WRITE.code()];
    line(out, "Multi-block refs", statistics.multiBlockReferences());
    line(out, "Bytes From Memory", statistics.bytesFromMemory());
    ratio(out, "( / Demand Fetches)", statistics.bytesFromMemory(), demandFetches);
    line(out, "Bytes To Memory", statistics.bytesToMemory());
    ratio(out, "( / Demand Writes)", statistics.bytesToMemory(), writes);
    line(out, "Total Bytes r/w Mem", statistics.bytesFromMemory() + statistics.bytesToMemory());
    ratio(out, "( / Demand Fetches)", statistics.bytesFromMemory() + statistics.bytesToMemory(), demandFetches);
    return out.toString();
  }

  /** One line describing the cache, every policy spelled out. */
  public static String describe(CacheGeometry geometry) {
    return geometry.sizeBytes() + " bytes, " + geometry.lineSize() + "-byte blocks, " + geometry.ways() + "-way ("
        + geometry.sets() + " sets), " + geometry.replacement().name().toLowerCase(Locale.ROOT) + ", "
        + (geometry.writePolicy() == WritePolicy.WRITE_BACK ? "write-back" : "write-through") + ", "
        + (geometry.writeAllocate() ? "write-allocate" : "no write-allocate") + " (--cache "
        + CacheSpec.format(geometry) + ")";
  }

  private static long data(long[] values) {
    return values[0] + values[1] + values[3];
  }

  /** Total, instruction, data (read + write + misc), read, write, misc: Dinero's column order. */
  private static void counts(StringBuilder out, String label, long[] values) {
    out.append(String.format(Locale.ROOT, " %-22s%12d%12d%12d%12d%12d%12d%n", label, ReplayStatistics.sum(values),
        values[2], data(values), values[0], values[1], values[3]));
  }

  private static void rates(StringBuilder out, String label, long[] values, long[] of, long totalOf, long dataOf) {
    out.append(String.format(Locale.ROOT, " %-22s%12.4f%12.4f%12.4f%12.4f%12.4f%12.4f%n", label,
        divide(ReplayStatistics.sum(values), totalOf), divide(values[2], of[2]), divide(data(values), dataOf),
        divide(values[0], of[0]), divide(values[1], of[1]), divide(values[3], of[3])));
  }

  private static void line(StringBuilder out, String label, long value) {
    out.append(String.format(Locale.ROOT, " %-22s%12d%n", label, value));
  }

  private static void ratio(StringBuilder out, String label, long value, long of) {
    out.append(String.format(Locale.ROOT, " %-22s%12.4f%n", label, divide(value, of)));
  }

  /** As Dinero IV divides: by 1 where the divisor is 0. */
  private static double divide(long value, long of) {
    return (double) value / (of == 0 ? 1 : of);
  }
}
