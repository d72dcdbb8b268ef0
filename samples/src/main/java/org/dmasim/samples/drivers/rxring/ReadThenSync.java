package org.dmasim.samples.drivers.rxring;

import jakarta.inject.Inject;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;

/**
 * The classic missing-sync bug: the packet is inspected while the device still owns the
 * buffer, and {@code dma_sync_single_for_cpu} comes only after. On a machine whose cache does
 * not snoop, the inspection sees whatever the cache still holds of the buffer (an earlier
 * packet, or a line filled speculatively before the device wrote).
 */
public final class ReadThenSync implements PacketSync {
  private final Platform platform;

  /** The receive path on {@code platform}. */
  @Inject
  public ReadThenSync(Platform platform) {
    this.platform = platform;
  }

  @Override
  public byte[] receive(long buffer, long dmaAddress, int length) {
    byte[] early = platform.cpu().read(buffer, length);
    platform.dma().syncSingleForCpu(dmaAddress, length, DmaDirection.FROM_DEVICE);
    return early;
  }
}
