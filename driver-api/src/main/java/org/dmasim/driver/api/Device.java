package org.dmasim.driver.api;

import java.util.function.Consumer;

/** The simulated peripheral: a bus master that performs a transfer and interrupts when done. */
public interface Device {
  /** Starts {@code transfer}; {@code interrupt} runs when the device completes it. */
  TransferHandle start(Transfer transfer, Consumer<TransferHandle> interrupt);
}
