package org.dmasim.samples.replay;

import java.io.IOException;
import java.io.InputStream;

/**
 * Dinero IV's binary format ({@code tracein_binary}): 8-byte records, each a 32-bit
 * little-endian address, a 16-bit little-endian size, an 8-bit access type (0 read ... 5
 * invalidate) and a pad byte.
 */
final class BinaryTraceReader extends TraceReader {
  private long number;

  BinaryTraceReader(InputStream in, String source) {
    super(in, source);
  }

  @Override
  public boolean next(TraceRecord record) throws IOException {
    int first = read();
    if (first < 0) {
      return false;
    }
    number++;
    long address = first;
    int size = 0;
    int code = 0;
    for (int i = 1; i < 8; i++) {
      int next = read();
      if (next < 0) {
        throw new TraceFormatException(source, "record", number, "the trace ends " + i
            + " bytes into this record; every record is 8 bytes");
      }
      if (i < 4) {
        address |= (long) next << (8 * i);
      } else if (i < 6) {
        size |= next << (8 * (i - 4));
      } else if (i == 6) {
        code = next;
      }
    }
    AccessType type = AccessType.ofCode(code);
    if (type == null) {
      throw new TraceFormatException(source, "record", number, "unknown access type " + code
          + ": must be 0 read, 1 write, 2 instruction fetch, 3 misc, 4 copy-back or 5 invalidate");
    }
    if (size == 0 && type.demand()) {
      throw new TraceFormatException(source, "record", number, "size 0: only copy-back and invalidate take 0"
          + " (for the whole cache)");
    }
    record.type = type;
    record.address = address;
    record.size = size;
    record.number = number;
    return true;
  }
}
