package org.dmasim.samples.drivers;

import java.util.ArrayList;
import java.util.List;

/**
 * What a driver tells the oracle as it runs: where the device wrote which bytes, what the
 * CPU read of them, which stores the CPU made and what it read back at the end, and the
 * bytes its layout lost to padding and alignment. The oracle compares, nothing else.
 */
public final class Recorder {
  /** The device wrote {@code bytes} at device address {@code dmaAddress}. */
  public record DeviceWrite(String what, long dmaAddress, byte[] bytes) {
    /** Copies the bytes. */
    public DeviceWrite {
      bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** The CPU read {@code read} where the device had written {@code written}. */
  public record CpuRead(String what, byte[] read, byte[] written) {
    /** Copies the arrays. */
    public CpuRead {
      read = read.clone();
      written = written.clone();
    }

    /** Whether the CPU saw the device's bytes. */
    public boolean sawDeviceBytes() {
      return java.util.Arrays.equals(read, written);
    }
  }

  /** The CPU stored {@code stored} and read back {@code readBack} at the end. */
  public record CpuStore(String what, long stored, long readBack) {}

  private final List<DeviceWrite> deviceWrites = new ArrayList<>();
  private final List<CpuRead> cpuReads = new ArrayList<>();
  private final List<CpuStore> cpuStores = new ArrayList<>();
  private long paddingBytes;

  /** The device wrote {@code bytes} at {@code dmaAddress}; memory there should hold them at the end. */
  public void deviceWrote(String what, long dmaAddress, byte[] bytes) {
    deviceWrites.add(new DeviceWrite(what, dmaAddress, bytes));
  }

  /** After the transfer the CPU read {@code read} where the device wrote {@code written}. */
  public void cpuRead(String what, byte[] read, byte[] written) {
    cpuReads.add(new CpuRead(what, read, written));
  }

  /** The CPU stored {@code stored} to a field and read back {@code readBack} at the end. */
  public void cpuStore(String what, long stored, long readBack) {
    cpuStores.add(new CpuStore(what, stored, readBack));
  }

  /** Bytes the driver's layout or allocation lost to padding and alignment. */
  public void paddingBytes(long bytes) {
    paddingBytes += bytes;
  }

  /** The device writes recorded. */
  public List<DeviceWrite> deviceWrites() {
    return List.copyOf(deviceWrites);
  }

  /** The CPU reads recorded. */
  public List<CpuRead> cpuReads() {
    return List.copyOf(cpuReads);
  }

  /** The CPU stores recorded. */
  public List<CpuStore> cpuStores() {
    return List.copyOf(cpuStores);
  }

  /** Bytes lost to padding and alignment. */
  public long paddingBytes() {
    return paddingBytes;
  }
}
