package org.dmasim.samples.replay;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Dinero IV trace one record at a time into a reused {@link TraceRecord}. A
 * malformed record is reported as a {@link TraceFormatException} naming its line (text
 * formats) or record (binary) number.
 */
public abstract class TraceReader {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  /** The source's name, for messages. */
  final String source;

  TraceReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** A reader of {@code format} over {@code in}; {@code source} names it in messages (a file name or "standard input"). */
  public static TraceReader open(InputStream in, TraceFormat format, String source) {
    return switch (format) {
      case DIN -> new TextTraceReader(in, source, false);
      case EXTENDED -> new TextTraceReader(in, source, true);
      case BINARY -> new BinaryTraceReader(in, source);
    };
  }

  /**
   * Fills {@code record} with the next record; false at the end of the trace.
   *
   * @throws TraceFormatException if the record is malformed
   */
  public abstract boolean next(TraceRecord record) throws IOException;

  /** The next byte, or -1 at the end. */
  final int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, BUFFER);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++] & 0xff;
  }
}
