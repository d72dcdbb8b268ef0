package org.dmasim.core;

import java.util.Arrays;

/** A snapshot of one cache line: whether it is valid and dirty, and its bytes (empty when invalid). */
public record LineState(long lineAddress, boolean valid, boolean dirty, byte[] bytes) {
  /** Copies the bytes so the snapshot cannot change. */
  public LineState {
    bytes = bytes.clone();
  }

  /** A copy of the line's bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LineState that && lineAddress == that.lineAddress && valid == that.valid
        && dirty == that.dirty && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(lineAddress) * 31 + Arrays.hashCode(bytes) + (valid ? 1 : 0) + (dirty ? 2 : 0);
  }

  @Override
  public String toString() {
    return "LineState[" + Hex.address(lineAddress) + (valid ? dirty ? " dirty " : " clean " : " invalid ")
        + Hex.bytes(bytes) + "]";
  }
}
