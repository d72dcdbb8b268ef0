package org.dmasim.samples.replay;

/** One trace record, filled in place by a {@link TraceReader} so that reading allocates nothing. */
public final class TraceRecord {
  /** The access type. */
  public AccessType type;
  /** The byte address. */
  public long address;
  /** Bytes referenced; 0 only for a whole-cache copy-back or invalidate. */
  public int size;
  /** The line (text formats) or record (binary) number, from 1. */
  public long number;

  @Override
  public String toString() {
    return type + " 0x" + Long.toHexString(address) + " size " + size;
  }
}
