package org.dmasim.samples.explore;

/** 64-bit mixing for the explorer's state keys (splitmix64's finaliser). */
final class Keys {
  private Keys() {}

  static long mix(long hash, long value) {
    long z = hash * 0x9e37_79b9_7f4a_7c15L + value;
    z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
    return z ^ (z >>> 31);
  }
}
