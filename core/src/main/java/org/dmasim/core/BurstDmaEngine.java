package org.dmasim.core;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Moves a transfer in bursts of a fixed size through the architecture's {@link DeviceBus}.
 * The first burst waits for the device's latency (a choice); each next burst is scheduled
 * when the previous one lands, so a burst deferred by the bus delays the rest.
 */
final class BurstDmaEngine implements DmaEngine, Restorable {
  /** How many latency steps a device may take before its first burst. */
  static final int LATENCY_OPTIONS = 4;

  private final DeviceBus bus;
  private final SimulatedTime time;
  private final CostModel costs;
  private final CostCounters counters;
  private final EventTrace trace;
  private final ChoiceSource choices;
  private final int burstBytes;
  /** Transfers in flight, in start order. */
  private final List<InFlight> active = new ArrayList<>();

  @Inject
  BurstDmaEngine(DeviceBus bus, SimulatedTime time, CostModel costs, CostCounters counters, EventTrace trace,
      ChoiceSource choices, @Named("dma.burst-bytes") int burstBytes) {
    this.bus = bus;
    this.time = time;
    this.costs = costs;
    this.counters = counters;
    this.trace = trace;
    this.choices = choices;
    this.burstBytes = burstBytes;
  }

  @Override
  public DmaTransfer start(DmaRequest request, Consumer<DmaTransfer> onComplete) {
    if (onComplete == null) {
      throw new IllegalArgumentException("onComplete must not be null");
    }
    DmaTransfer transfer = new DmaTransfer(request);
    long latency = (long) costs.dmaSetupCycles() * (1 + choices.choose(ChoicePoint.DEVICE_LATENCY, LATENCY_OPTIONS));
    if (trace.enabled()) {
      trace.record(TraceEvent.Kind.DMA_START, request.busAddress(), -1, null,
          (request.deviceWrites() ? "device will write " : "device will read ") + request.length()
              + " bytes, first burst in " + latency + " cycles");
    }
    InFlight inFlight = new InFlight(transfer, request.dataWithoutCopy(), onComplete);
    active.add(inFlight);
    inFlight.scheduleIn(latency);
    return transfer;
  }

  /** Whether a transfer is in flight. */
  boolean busy() {
    return !active.isEmpty();
  }

  /** Saves the engine between transfers; restoring drops any transfer started since. */
  @Override
  public Runnable checkpoint() {
    if (busy()) {
      throw new IllegalStateException("The DMA engine can only be saved between transfers; " + active.size()
          + " in flight");
    }
    return active::clear;
  }

  /** A hash of the transfers in flight: where each is, how far it got, and when it moves next. */
  long stateHash() {
    long hash = StateHash.SEED;
    for (InFlight inFlight : active) {
      DmaRequest request = inFlight.transfer.request();
      hash = StateHash.mix(hash, request.busAddress());
      hash = StateHash.mix(hash, request.length() * 2L + (request.deviceWrites() ? 1 : 0));
      hash = StateHash.mix(hash, inFlight.transfer.transferred());
      hash = StateHash.mix(hash, inFlight.due - time.now());
      byte[] data = inFlight.data;
      hash = StateHash.mix(hash, data, 0, data.length);
    }
    return hash;
  }

  /**
   * One transfer in flight and the one event it has pending: the next burst, or the completion
   * once every byte has moved. The same object is scheduled again for each step, so a burst
   * allocates nothing.
   */
  private final class InFlight implements Runnable {
    private final DmaTransfer transfer;
    private final byte[] data;
    private final Consumer<DmaTransfer> onComplete;
    private long due;

    InFlight(DmaTransfer transfer, byte[] data, Consumer<DmaTransfer> onComplete) {
      this.transfer = transfer;
      this.data = data;
      this.onComplete = onComplete;
    }

    void scheduleIn(long delay) {
      due = time.now() + delay;
      time.schedule(delay, this);
    }

    @Override
    public void run() {
      DmaRequest request = transfer.request();
      if (transfer.transferred() < request.length()) {
        burst(request);
      } else {
        complete(request);
      }
    }

    private void burst(DmaRequest request) {
      int offset = transfer.transferred();
      int length = Math.min(burstBytes, request.length() - offset);
      long address = request.busAddress() + offset;
      if (request.deviceWrites()) {
        bus.deviceWrite(address, data, offset, length);
      } else {
        bus.deviceRead(address, transfer.readBuffer(), offset, length);
      }
      transfer.advance(length);
      counters.dmaBytes(length);
      if (trace.enabled()) {
        byte[] moved = request.deviceWrites() ? Arrays.copyOfRange(data, offset, offset + length)
            : Arrays.copyOfRange(transfer.readBuffer(), offset, offset + length);
        trace.record(TraceEvent.Kind.DMA_BURST, address, -1, moved,
            request.deviceWrites() ? "device bytes land in memory" : "device reads memory");
      }
      scheduleIn(costs.burstCycles(length));
    }

    private void complete(DmaRequest request) {
      active.remove(this);
      transfer.completeAt(time.now());
      if (trace.enabled()) {
        trace.record(TraceEvent.Kind.DMA_COMPLETE, request.busAddress(), -1, null,
            request.length() + " bytes, completion interrupt");
      }
      onComplete.accept(transfer);
    }
  }
}
