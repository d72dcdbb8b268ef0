package org.dmasim.samples.replay;

import java.util.Locale;

/** The Dinero IV trace formats dmasim reads. */
public enum TraceFormat {
  /** Traditional din text ({@code -informat d}): a type digit and a hex address; each reference is a 4-byte word. */
  DIN("din", ".din"),
  /** Extended din text ({@code -informat D}): a type letter, a hex address and a hex size. */
  EXTENDED("extended", ".xdin"),
  /** Binary ({@code -informat b}): 8-byte records of a 32-bit little-endian address, 16-bit size, 8-bit type, a pad byte. */
  BINARY("binary", ".bin");

  private final String optionName;
  private final String extension;

  TraceFormat(String optionName, String extension) {
    this.optionName = optionName;
    this.extension = extension;
  }

  /** The name {@code --trace-format} takes. */
  public String optionName() {
    return optionName;
  }

  /** The file name extension that selects this format by default. */
  public String extension() {
    return extension;
  }

  /** The format named {@code name} (din, extended, binary), or an error listing them. */
  public static TraceFormat parse(String name) {
    for (TraceFormat format : values()) {
      if (format.optionName.equals(name.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("Invalid --trace-format '" + name + "': must be din, extended or binary");
  }

  /** The format a file name's extension selects, or null when it has none of .din, .xdin, .bin. */
  public static TraceFormat ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (TraceFormat format : values()) {
      if (lower.endsWith(format.extension)) {
        return format;
      }
    }
    return null;
  }
}
