package org.dmasim.core;

import java.util.HexFormat;

/** Formats addresses and byte strings the same way in messages, traces and reports. */
public final class Hex {
  private static final HexFormat BYTES = HexFormat.of();

  private Hex() {}

  /** An address as {@code 0x...}. */
  public static String address(long address) {
    return "0x" + Long.toHexString(address);
  }

  /** Bytes as contiguous lower-case hex pairs. */
  public static String bytes(byte[] bytes) {
    return BYTES.formatHex(bytes);
  }
}
