package org.dmasim.core;

/**
 * The path device traffic takes to memory. On a coherent machine it passes the CPU cache
 * (snooping); on a non-coherent one it goes straight to memory, whatever the cache holds.
 */
public interface DeviceBus {
  /** A device writes {@code length} bytes of {@code source} at {@code physicalAddress}. */
  void deviceWrite(long physicalAddress, byte[] source, int offset, int length);

  /** A device reads {@code length} bytes at {@code physicalAddress} into {@code destination}. */
  void deviceRead(long physicalAddress, byte[] destination, int offset, int length);

  /** A bus whose traffic the cache snoops: device reads see dirty lines, device writes drop cached copies. */
  static DeviceBus snooping(Cache cache, PhysicalMemory memory) {
    return new DeviceBus() {
      @Override
      public void deviceWrite(long physicalAddress, byte[] source, int offset, int length) {
        cache.snoopDeviceWrite(physicalAddress, length);
        memory.write(physicalAddress, source, offset, length);
      }

      @Override
      public void deviceRead(long physicalAddress, byte[] destination, int offset, int length) {
        cache.snoopDeviceRead(physicalAddress, length);
        memory.read(physicalAddress, destination, offset, length);
      }
    };
  }

  /** A bus that reaches memory only: the cache never sees device traffic. */
  static DeviceBus nonCoherent(PhysicalMemory memory) {
    return new DeviceBus() {
      @Override
      public void deviceWrite(long physicalAddress, byte[] source, int offset, int length) {
        memory.write(physicalAddress, source, offset, length);
      }

      @Override
      public void deviceRead(long physicalAddress, byte[] destination, int offset, int length) {
        memory.read(physicalAddress, destination, offset, length);
      }
    };
  }
}
