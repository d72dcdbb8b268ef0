package org.dmasim.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian packing of 1, 2, 4 and 8-byte values, the byte order of every modelled CPU. */
final class LittleEndian {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private LittleEndian() {}

  /** The {@code size}-byte value at {@code offset}, zero-extended; sizes other than 1, 2, 4 and 8 go byte by byte. */
  static long get(byte[] bytes, int offset, int size) {
    switch (size) {
      case 8:
        return (long) LONG.get(bytes, offset);
      case 4:
        return (int) INT.get(bytes, offset) & 0xffff_ffffL;
      case 2:
        return (short) SHORT.get(bytes, offset) & 0xffffL;
      case 1:
        return bytes[offset] & 0xffL;
      default:
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
          value = (value << 8) | (bytes[offset + i] & 0xffL);
        }
        return value;
    }
  }

  /** Writes the low {@code size} bytes of {@code value} at {@code offset}. */
  static void put(byte[] bytes, int offset, int size, long value) {
    switch (size) {
      case 8:
        LONG.set(bytes, offset, value);
        return;
      case 4:
        INT.set(bytes, offset, (int) value);
        return;
      case 2:
        SHORT.set(bytes, offset, (short) value);
        return;
      case 1:
        bytes[offset] = (byte) value;
        return;
      default:
        long rest = value;
        for (int i = 0; i < size; i++) {
          bytes[offset + i] = (byte) rest;
          rest >>>= 8;
        }
    }
  }
}
