package org.dmasim.driver.api.internal;

import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.dmasim.core.DmaEngine;
import org.dmasim.core.DmaRequest;
import org.dmasim.core.DmaTransfer;
import org.dmasim.driver.api.Device;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Transfer;
import org.dmasim.driver.api.TransferHandle;

/** The device: a transfer becomes a DMA engine request; completion raises the driver's interrupt. */
final class SimulatedDevice implements Device {
  private final DmaEngine engine;

  @Inject
  SimulatedDevice(DmaEngine engine) {
    this.engine = engine;
  }

  @Override
  public TransferHandle start(Transfer transfer, Consumer<TransferHandle> interrupt) {
    if (transfer == null || interrupt == null) {
      throw new IllegalArgumentException("transfer and interrupt must not be null");
    }
    DmaRequest request = transfer.direction() == DmaDirection.FROM_DEVICE
        ? DmaRequest.deviceWrite(transfer.dmaAddress(), transfer.data())
        : DmaRequest.deviceRead(transfer.dmaAddress(), transfer.length());
    Handle handle = new Handle(transfer);
    handle.engineTransfer = engine.start(request, done -> interrupt.accept(handle));
    return handle;
  }

  private static final class Handle implements TransferHandle {
    private final Transfer transfer;
    private DmaTransfer engineTransfer;

    Handle(Transfer transfer) {
      this.transfer = transfer;
    }

    @Override
    public Transfer transfer() {
      return transfer;
    }

    @Override
    public boolean complete() {
      return engineTransfer.complete();
    }

    @Override
    public byte[] bytesRead() {
      return engineTransfer.bytesRead();
    }
  }
}
