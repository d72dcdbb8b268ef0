package org.dmasim.samples.drivers.rxring;

import jakarta.inject.Inject;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;

/** The correct receive path: {@code dma_sync_single_for_cpu}, then read the packet. */
public final class SyncThenRead implements PacketSync {
  private final Platform platform;

  /** The receive path on {@code platform}. */
  @Inject
  public SyncThenRead(Platform platform) {
    this.platform = platform;
  }

  @Override
  public byte[] receive(long buffer, long dmaAddress, int length) {
    platform.dma().syncSingleForCpu(dmaAddress, length, DmaDirection.FROM_DEVICE);
    return platform.cpu().read(buffer, length);
  }
}
