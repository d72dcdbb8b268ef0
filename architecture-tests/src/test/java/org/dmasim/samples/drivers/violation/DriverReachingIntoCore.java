package org.dmasim.samples.drivers.violation;

import org.dmasim.core.Machine;

/** A deliberate violation for the boundary test: a "driver" that reaches past the driver API into core. */
public final class DriverReachingIntoCore {
  private final Machine machine;

  /** Holds the machine a real driver must never see. */
  public DriverReachingIntoCore(Machine machine) {
    this.machine = machine;
  }

  /** Reads memory behind the cache's back. */
  public byte peek(long physicalAddress) {
    return machine.memory().readByte(physicalAddress);
  }
}
