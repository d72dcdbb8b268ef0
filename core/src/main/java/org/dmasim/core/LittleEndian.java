package org.dmasim.core;

/** Little-endian packing of 1, 2, 4 and 8-byte values, the byte order of every modelled CPU. */
final class LittleEndian {
  private LittleEndian() {}

  static long get(byte[] bytes, int offset, int size) {
    long value = 0;
    for (int i = size - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[offset + i] & 0xffL);
    }
    return value;
  }

  static void put(byte[] bytes, int offset, int size, long value) {
    long rest = value;
    for (int i = 0; i < size; i++) {
      bytes[offset + i] = (byte) rest;
      rest >>>= 8;
    }
  }
}
