package org.dmasim.samples.drivers;

import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.layout.StructLayout;

/**
 * What every sample driver does the same way: streaming mappings checked with
 * {@code dma_mapping_error}, byte patterns for device data and stale contents, and the padding
 * a struct layout or a kmalloc block loses.
 */
public final class DriverSupport {
  private DriverSupport() {}

  /**
   * {@code dma_map_single} followed by {@code dma_mapping_error}, as a driver must: the device
   * address, or an {@link IllegalStateException} naming {@code what} when the mapping failed.
   */
  public static long mapSingle(Platform platform, long cpuAddress, long size, DmaDirection direction, String what) {
    long dmaAddress = platform.dma().mapSingle(cpuAddress, size, direction);
    if (platform.dma().mappingError(dmaAddress)) {
      throw new IllegalStateException("dma_map_single of " + what + " (" + size + " bytes, " + direction
          + ") failed on " + platform.target().architecture() + "/" + platform.target().profile());
    }
    return dmaAddress;
  }

  /** {@code length} bytes of {@code value}. */
  public static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  /** {@code length} bytes counting up from {@code first} (wrapping at 256). */
  public static byte[] pattern(int length, int first) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (first + i);
    }
    return bytes;
  }

  /** The little-endian value of up to 8 bytes, as the CPU's 64-bit load would see them. */
  public static long littleEndian(byte[] bytes) {
    if (bytes.length > Long.BYTES) {
      throw new IllegalArgumentException("at most 8 bytes make a long, got " + bytes.length);
    }
    long value = 0;
    for (int i = bytes.length - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  /** The 4 little-endian bytes of {@code value}. */
  public static byte[] le32(int value) {
    return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
  }

  /** The bytes a struct layout loses inside itself: its holes and its tail padding. */
  public static long structPadding(StructLayout layout) {
    return (long) layout.sumHoles() + layout.tailPadding();
  }

  /** The bytes kmalloc rounds a request of {@code requested} bytes up by: {@code ksize(p) - requested}. */
  public static long kmallocRounding(Platform platform, long address, long requested) {
    return platform.memory().ksize(address) - requested;
  }
}
