package org.dmasim.samples.drivers.rxring;

/**
 * How the rx-ring driver takes a received packet from a buffer the device owns: the one
 * step that differs between the correct driver and the classic missing-sync bug.
 */
public interface PacketSync {
  /**
   * Hands the first {@code length} bytes of the mapped buffer at {@code buffer} (device address
   * {@code dmaAddress}) back to the CPU and returns them as the driver read them to inspect the
   * packet.
   */
  byte[] receive(long buffer, long dmaAddress, int length);
}
