package org.dmasim.driver.api;

/**
 * What a driver programs the device with: the device address, the length, the direction
 * and, when the device writes memory, the bytes it writes.
 */
public record Transfer(long dmaAddress, int length, DmaDirection direction, byte[] data) {
  /** Checks the length, and that a device write carries exactly {@code length} bytes. */
  public Transfer {
    if (length <= 0) {
      throw new IllegalArgumentException("Invalid transfer length " + length + ": must be > 0");
    }
    if (direction == null || direction == DmaDirection.BIDIRECTIONAL) {
      throw new IllegalArgumentException("A transfer goes TO_DEVICE or FROM_DEVICE, not " + direction);
    }
    if (direction == DmaDirection.FROM_DEVICE && (data == null || data.length != length)) {
      throw new IllegalArgumentException("A FROM_DEVICE transfer of " + length + " bytes needs exactly "
          + length + " bytes of data, got " + (data == null ? "none" : data.length));
    }
    data = data == null ? new byte[0] : data.clone();
  }

  /** The device writes {@code data} to memory at {@code dmaAddress}. */
  public static Transfer fromDevice(long dmaAddress, byte[] data) {
    return new Transfer(dmaAddress, data.length, DmaDirection.FROM_DEVICE, data);
  }

  /** The device reads {@code length} bytes of memory at {@code dmaAddress}. */
  public static Transfer toDevice(long dmaAddress, int length) {
    return new Transfer(dmaAddress, length, DmaDirection.TO_DEVICE, null);
  }

  /** A copy of the bytes the device writes. */
  @Override
  public byte[] data() {
    return data.clone();
  }
}
