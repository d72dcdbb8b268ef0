package org.dmasim.core;

/** 64-bit hashing for machine states: a strong mixer, and combination in order or in any order. */
final class StateHash {
  static final long SEED = 0x243f_6a88_85a3_08d3L;

  private StateHash() {}

  /** Mixes {@code value} into {@code hash}, order-sensitively. */
  static long mix(long hash, long value) {
    return finish(hash * 0x9e37_79b9_7f4a_7c15L + value);
  }

  /** The splitmix64 finaliser. */
  static long finish(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
    return z ^ (z >>> 31);
  }

  /** Mixes bytes into {@code hash}. */
  static long mix(long hash, byte[] bytes, int offset, int length) {
    long h = mix(hash, length);
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      h = mix(h, LittleEndian.get(bytes, offset + i, 8));
    }
    for (; i < length; i++) {
      h = mix(h, bytes[offset + i]);
    }
    return h;
  }
}
