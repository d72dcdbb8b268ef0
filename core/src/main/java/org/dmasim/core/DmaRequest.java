package org.dmasim.core;

/**
 * A transfer a device performs as bus master: {@code length} bytes at {@code busAddress};
 * for a device write, {@code data} holds the bytes it writes.
 */
public record DmaRequest(long busAddress, int length, boolean deviceWrites, byte[] data) {
  /** Checks the length and that a device write carries exactly {@code length} bytes. */
  public DmaRequest {
    if (length <= 0) {
      throw new IllegalArgumentException("DMA length must be > 0, was " + length);
    }
    if (busAddress < 0) {
      throw new IllegalArgumentException("DMA bus address must not be negative, was " + busAddress);
    }
    if (deviceWrites && (data == null || data.length != length)) {
      throw new IllegalArgumentException("A device write of " + length + " bytes needs exactly " + length
          + " bytes of data, got " + (data == null ? "none" : data.length));
    }
    data = data == null ? new byte[0] : data.clone();
  }

  /** A transfer in which the device writes {@code data} to memory at {@code busAddress}. */
  public static DmaRequest deviceWrite(long busAddress, byte[] data) {
    return new DmaRequest(busAddress, data.length, true, data);
  }

  /** A transfer in which the device reads {@code length} bytes of memory at {@code busAddress}. */
  public static DmaRequest deviceRead(long busAddress, int length) {
    return new DmaRequest(busAddress, length, false, null);
  }

  /** A copy of the bytes a device write carries. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The bytes themselves, not a copy, for the engine in this package, which only reads them. */
  byte[] dataWithoutCopy() {
    return data;
  }
}
