package org.dmasim.samples.replay;

/** A malformed trace record, named by its line (or binary record) number. */
public final class TraceFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final long number;

  /** A problem with record {@code number} (a line of a text trace, a record of a binary one) of {@code source}. */
  public TraceFormatException(String source, String unit, long number, String problem) {
    super(source + ": " + unit + " " + number + ": " + problem);
    this.number = number;
  }

  /** The line or record number, from 1. */
  public long number() {
    return number;
  }
}
