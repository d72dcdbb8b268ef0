package org.dmasim.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import org.apache.commons.configuration2.Configuration;
import org.dmasim.core.Names;

/**
 * Reads typed values out of an Apache Commons {@link Configuration}, collecting every problem
 * (bad value, unknown key) instead of stopping at the first; {@link #finish()} reports them
 * all. Every key asked for counts as known, so keys nobody asked for are reported as unused.
 */
public final class ConfigReader {
  private final Configuration configuration;
  private final String source;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> known = new LinkedHashSet<>();

  /** A reader over {@code configuration}, which came from {@code source}. */
  public ConfigReader(Configuration configuration, String source) {
    if (configuration == null || source == null) {
      throw new IllegalArgumentException("configuration and source must not be null");
    }
    this.configuration = configuration;
    this.source = source;
  }

  /** Whether the configuration sets {@code key}. */
  public boolean isSet(String key) {
    known.add(key);
    return configuration.containsKey(key);
  }

  /** A string, one of {@code allowed} unless that is empty; {@code fallback} when unset or bad. */
  public String string(String key, String fallback, List<String> allowed) {
    known.add(key);
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (!allowed.isEmpty() && !allowed.contains(value)) {
      problem(key, value, "must be one of " + String.join(", ", allowed) + "." + Names.didYouMean(value, allowed));
      return fallback;
    }
    return value;
  }

  /** A list of strings (comma-separated or repeated), each one of {@code allowed} unless empty. */
  public List<String> list(String key, List<String> fallback, List<String> allowed) {
    known.add(key);
    if (!configuration.containsKey(key)) {
      return fallback;
    }
    List<String> values = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    // the raw property, not getList: a '${...}' in a value is text, not an interpolation
    Object property = configuration.getProperty(key);
    for (Object item : property instanceof Collection<?> items ? items : List.of(String.valueOf(property))) {
      for (String part : String.valueOf(item).split(",")) {
        String value = part.trim();
        if (value.isEmpty() || !seen.add(value)) {
          continue;
        }
        if (!allowed.isEmpty() && !allowed.contains(value)) {
          problem(key, value, "must be one of " + String.join(", ", allowed) + "." + Names.didYouMean(value, allowed));
        } else {
          values.add(value);
        }
      }
    }
    if (seen.isEmpty()) {
      problem(key, String.valueOf(property), "names nothing; leave it out for the default.");
    }
    return values.isEmpty() ? fallback : List.copyOf(values);
  }

  /** A whole number in {@code [min, max]}; {@code fallback} when unset or bad. */
  public long integer(String key, long fallback, long min, long max) {
    Long value = optionalInteger(key, min, max);
    return value == null ? fallback : value;
  }

  /** A whole number in {@code [min, max]} (decimal, or hex with 0x); null when unset or bad. */
  public Long optionalInteger(String key, long min, long max) {
    return optionalInteger(key, value -> value >= min && value <= max,
        "must be a whole number from " + min + " to " + max + ".");
  }

  /**
   * A whole number (decimal, or hex with 0x; underscores between digits are ignored) that
   * {@code valid} accepts; null when unset, and with {@code rule} recorded as the problem when bad.
   */
  public Long optionalInteger(String key, LongPredicate valid, String rule) {
    known.add(key);
    String value = raw(key);
    if (value == null) {
      return null;
    }
    Long parsed = wholeNumber(value);
    if (parsed != null && valid.test(parsed)) {
      return parsed;
    }
    problem(key, value, rule);
    return null;
  }

  /** Decimal digits, or 0x and hex digits, with an optional sign; null for anything else (no octal, no '#'). */
  private static Long wholeNumber(String text) {
    if (!text.matches("[+-]?(0[xX])?[0-9a-fA-F]+(_[0-9a-fA-F]+)*")) {
      return null;
    }
    String digits = text.replace("_", "");
    String sign = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(0, 1) : "";
    String unsigned = digits.substring(sign.length());
    try {
      if (unsigned.matches("0[xX][0-9a-fA-F]+")) {
        return Long.parseLong(sign + unsigned.substring(2), 16);
      }
      return unsigned.matches("[0-9]+") ? Long.parseLong(sign + unsigned) : null;
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  /** A decimal number in {@code [min, max]}; {@code fallback} when unset or bad. */
  public double decimal(String key, double fallback, double min, double max) {
    Double value = optionalDecimal(key, min, max);
    return value == null ? fallback : value;
  }

  /** A decimal number in {@code [min, max]}; null when unset or bad. */
  public Double optionalDecimal(String key, double min, double max) {
    known.add(key);
    String value = raw(key);
    if (value == null) {
      return null;
    }
    if (value.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
      double parsed = Double.parseDouble(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    }
    problem(key, value, "must be a number from " + min + " to " + max + ".");
    return null;
  }

  /** {@code true} or {@code false}. */
  public boolean bool(String key, boolean fallback) {
    known.add(key);
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problem(key, value, "must be true or false.");
        yield fallback;
      }
    };
  }

  /** Records a problem with {@code key}'s {@code value}. */
  public void problem(String key, String value, String rule) {
    problems.add("Invalid value '" + value + "' for '" + key + "': " + rule);
  }

  /** Records a problem that is not about one value. */
  public void problem(String message) {
    problems.add(message);
  }

  /** Every key that was asked for. */
  public Set<String> knownKeys() {
    return new TreeSet<>(known);
  }

  /** Reports unused keys, then throws {@link ConfigurationProblems} if anything was wrong. */
  public void finish() {
    for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key) && known.contains(key.replace("..", "."))) {
        problems.add("Key '" + key.replace("..", ".") + "' is written flat: in YAML and XML, nest it ('"
            + key.substring(key.indexOf("..") + 2) + "' under '" + key.substring(0, key.indexOf("..")) + "').");
      } else if (!known.contains(key)) {
        problems.add("Key '" + key + "' was not used." + Names.didYouMean(key, known)
            + (Names.closest(key, known).isEmpty() ? " Known keys: " + String.join(", ", new TreeSet<>(known)) + "." : ""));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationProblems(source, problems);
    }
  }

  private String raw(String key) {
    if (!configuration.containsKey(key)) {
      return null;
    }
    Object value = configuration.getProperty(key);
    if (value instanceof List<?> values) {
      problem(key, String.valueOf(values), "must be a single value.");
      return null;
    }
    return String.valueOf(value).trim();
  }
}
