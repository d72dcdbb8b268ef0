package org.dmasim.samples.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The din and extended din text formats, read as Dinero IV's {@code tracein_din} and
 * {@code tracein_xdin} read them: fields separated by spaces or tabs, hexadecimal numbers
 * with an optional 0x, the rest of a line after the last field ignored. A din line is a
 * type label (0 read, 1 write, 2 instruction fetch, 3 misc, 4 copy-back, 5 invalidate) and
 * an address; as in Dinero IV, the reference is the aligned 4-byte word holding it. An
 * extended line is a type letter (r, w, i, m, c, v), an address and a size.
 */
final class TextTraceReader extends TraceReader {
  private static final String TYPES = "0 read, 1 write, 2 instruction fetch, 3 misc, 4 copy-back or 5 invalidate";
  private static final String LETTERS = "r read, w write, i instruction fetch, m misc, c copy-back or v invalidate";

  private final boolean extended;
  private byte[] line = new byte[128];
  private int length;
  private int at;
  private long number;

  TextTraceReader(InputStream in, String source, boolean extended) {
    super(in, source);
    this.extended = extended;
  }

  @Override
  public boolean next(TraceRecord record) throws IOException {
    if (!readLine()) {
      return false;
    }
    number++;
    at = 0;
    skipBlanks();
    if (at == length) {
      throw error("empty line; every line needs a type and an address" + (extended ? " and a size" : ""));
    }
    record.number = number;
    if (extended) {
      int start = at;
      AccessType type = AccessType.ofLetter(line[at]);
      at++;
      if (type == null || (at < length && !blank(line[at]))) {
        throw error("unknown access type '" + token(start) + "': must be " + LETTERS);
      }
      record.type = type;
      record.address = field("address", true);
      long size = field("size", true);
      if (size > 0xffff) {
        throw error("size 0x" + Long.toHexString(size) + " is too large: at most 0xffff bytes");
      }
      if (size == 0 && type.demand()) {
        throw error("size 0: a " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + " needs at least 1 byte (only copy-back and invalidate take 0, for the whole cache)");
      }
      record.size = (int) size;
    } else {
      int start = at;
      AccessType type = Character.digit(line[at], 16) < 0 ? null
          : AccessType.ofCode((int) Math.min(field("type label", false), Integer.MAX_VALUE));
      if (type == null) {
        boolean letter = token(start).length() == 1 && AccessType.ofLetter(line[start]) != null;
        throw error("unknown access type label '" + token(start) + "': must be " + TYPES
            + (letter ? " (a letter starts a line of the extended format: --trace-format extended)" : ""));
      }
      record.type = type;
      record.address = field("address", true) & ~3L;
      record.size = 4;
    }
    return true;
  }

  /** Reads the next line into {@code line} without its end; false at the end of the trace. */
  private boolean readLine() throws IOException {
    int c = read();
    if (c < 0) {
      return false;
    }
    length = 0;
    while (c >= 0 && c != '\n') {
      if (length == line.length) {
        line = Arrays.copyOf(line, length * 2);
      }
      line[length++] = (byte) c;
      c = read();
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return true;
  }

  /** A hexadecimal field (optional 0x); {@code afterBlank}: blanks must separate it from the field before. */
  private long field(String what, boolean afterBlank) {
    int before = at;
    skipBlanks();
    if (at == length) {
      throw error("missing " + what);
    }
    if (afterBlank && at == before) {
      throw error("no space before the " + what);
    }
    int start = at;
    if (at + 1 < length && line[at] == '0' && (line[at + 1] == 'x' || line[at + 1] == 'X')) {
      at += 2;
    }
    int digits = 0;
    long value = 0;
    for (; at < length && !blank(line[at]); at++, digits++) {
      int digit = Character.digit(line[at], 16);
      if (digit < 0) {
        throw error("bad " + what + " '" + token(start) + "': not a hexadecimal number");
      }
      if ((value >>> 60) != 0) {
        throw error("bad " + what + " '" + token(start) + "': more than 64 bits");
      }
      value = value << 4 | digit;
    }
    if (digits == 0) {
      throw error("bad " + what + " '" + token(start) + "': not a hexadecimal number");
    }
    return value;
  }

  private void skipBlanks() {
    while (at < length && blank(line[at])) {
      at++;
    }
  }

  private static boolean blank(byte c) {
    return c == ' ' || c == '\t';
  }

  /** The field starting at {@code start}, as text. */
  private String token(int start) {
    int end = start;
    while (end < length && !blank(line[end])) {
      end++;
    }
    return new String(line, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private TraceFormatException error(String problem) {
    return new TraceFormatException(source, "line", number, problem);
  }
}
