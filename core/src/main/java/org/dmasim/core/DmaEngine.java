package org.dmasim.core;

import java.util.function.Consumer;

/**
 * A device-side bus master that moves a transfer in bursts over simulated time and calls
 * back on completion, as an interrupt would.
 */
public interface DmaEngine {
  /** Starts {@code request}; {@code onComplete} runs once the last burst has moved. */
  DmaTransfer start(DmaRequest request, Consumer<DmaTransfer> onComplete);
}
