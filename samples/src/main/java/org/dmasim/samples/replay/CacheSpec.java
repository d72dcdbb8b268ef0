package org.dmasim.samples.replay;

import java.util.Locale;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.ReplacementPolicy;
import org.dmasim.core.WritePolicy;

/**
 * The {@code --cache} option: {@code SIZE:LINE:WAYS[:lru|fifo|random][:wb|wt][:wa|nwa]}, SIZE and
 * LINE in bytes or with a k or M suffix. The defaults, LRU, write-back and write-allocate,
 * are Dinero IV's.
 */
public final class CacheSpec {
  /** The form of the option, for messages and help. */
  public static final String FORM = "SIZE:LINE:WAYS[:lru|fifo|random][:wb|wt][:wa|nwa]";
  /** The largest cache accepted: its bytes are held in memory. */
  public static final long MAX_SIZE = 1L << 30;

  private CacheSpec() {}

  /** The geometry {@code spec} describes, or an error naming the bad part and what it may be. */
  public static CacheGeometry parse(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length < 3) {
      throw bad(spec, "needs at least SIZE:LINE:WAYS, e.g. 32k:64:8; the form is " + FORM);
    }
    long size = bytes(spec, "SIZE", parts[0]);
    long line = bytes(spec, "LINE", parts[1]);
    long ways = number(spec, "WAYS", parts[2]);
    ReplacementPolicy replacement = null;
    WritePolicy writePolicy = null;
    Boolean allocate = null;
    for (int i = 3; i < parts.length; i++) {
      String part = parts[i].toLowerCase(Locale.ROOT);
      switch (part) {
        case "lru", "fifo", "random" -> {
          if (replacement != null) {
            throw bad(spec, "the replacement policy is given twice ('" + parts[i] + "')");
          }
          replacement = ReplacementPolicy.valueOf(part.toUpperCase(Locale.ROOT));
        }
        case "wb", "wt" -> {
          if (writePolicy != null) {
            throw bad(spec, "the write policy is given twice ('" + parts[i] + "')");
          }
          writePolicy = part.equals("wb") ? WritePolicy.WRITE_BACK : WritePolicy.WRITE_THROUGH;
        }
        case "wa", "nwa" -> {
          if (allocate != null) {
            throw bad(spec, "write allocation is given twice ('" + parts[i] + "')");
          }
          allocate = part.equals("wa");
        }
        default -> throw bad(spec, "unknown part '" + parts[i] + "': after SIZE:LINE:WAYS come lru, fifo or random"
            + " (replacement), wb or wt (write-back or write-through), wa or nwa (write-allocate or not)");
      }
    }
    if (line < CacheGeometry.MIN_LINE_SIZE || line > CacheGeometry.MAX_LINE_SIZE || Long.bitCount(line) != 1) {
      throw bad(spec, "LINE " + parts[1] + " must be a power of two from " + CacheGeometry.MIN_LINE_SIZE + " to "
          + CacheGeometry.MAX_LINE_SIZE + " bytes");
    }
    if (ways < 1) {
      throw bad(spec, "WAYS " + parts[2] + " must be at least 1");
    }
    if (size > MAX_SIZE) {
      throw bad(spec, "SIZE " + parts[0] + " is larger than the largest cache dmasim replays, 1024M");
    }
    if (size % (line * ways) != 0 || Long.bitCount(size / (line * ways)) != 1) {
      throw bad(spec, "SIZE " + parts[0] + " must be LINE x WAYS x a power of two (the number of sets); "
          + line + " x " + ways + " = " + line * ways + " does not divide it into a power of two");
    }
    return new CacheGeometry((int) size, (int) line, (int) ways,
        replacement == null ? ReplacementPolicy.LRU : replacement,
        writePolicy == null ? WritePolicy.WRITE_BACK : writePolicy, allocate == null || allocate);
  }

  /** {@code geometry} in the option's form, every part spelled out. */
  public static String format(CacheGeometry geometry) {
    return geometry.sizeBytes() + ":" + geometry.lineSize() + ":" + geometry.ways() + ":"
        + geometry.replacement().name().toLowerCase(Locale.ROOT) + ":"
        + (geometry.writePolicy() == WritePolicy.WRITE_BACK ? "wb" : "wt") + ":"
        + (geometry.writeAllocate() ? "wa" : "nwa");
  }

  private static long bytes(String spec, String name, String text) {
    String digits = text;
    long scale = 1;
    if (!text.isEmpty()) {
      char suffix = Character.toLowerCase(text.charAt(text.length() - 1));
      if (suffix == 'k' || suffix == 'm') {
        scale = suffix == 'k' ? 1024 : 1024 * 1024;
        digits = text.substring(0, text.length() - 1);
      }
    }
    long value = number(spec, name + " (in bytes, or with a k or M suffix)", digits, text);
    if (value > MAX_SIZE / scale) {
      throw bad(spec, name + " " + text + " is larger than the largest cache dmasim replays, 1024M");
    }
    return value * scale;
  }

  private static long number(String spec, String name, String text) {
    return number(spec, name, text, text);
  }

  private static long number(String spec, String name, String digits, String text) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 10) {
      throw bad(spec, name + " '" + text + "' is not a number");
    }
    return Long.parseLong(digits);
  }

  private static IllegalArgumentException bad(String spec, String problem) {
    return new IllegalArgumentException("Invalid --cache '" + spec + "': " + problem);
  }
}
