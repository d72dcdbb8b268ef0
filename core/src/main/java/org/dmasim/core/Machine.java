package org.dmasim.core;

import java.util.function.BooleanSupplier;

/** One simulated machine: an architecture profile's CPU, cache, memory, page table, DMA and clock. */
public interface Machine {
  /** The architecture profile the machine was built from. */
  ArchitectureProfile profile();

  /** The settings the machine was built from. */
  MachineSettings settings();

  /** The CPU, at virtual addresses. */
  Cpu cpu();

  /** The data cache, at physical addresses. */
  Cache cache();

  /** Physical memory: what devices see. */
  PhysicalMemory memory();

  /** The page table behind the address space's mapped regions. */
  PageTable pageTable();

  /** Address translation and the kernel's cached and uncached aliases. */
  AddressSpace addressSpace();

  /** The device-side bus master. */
  DmaEngine dmaEngine();

  /** The architecture's cache maintenance for DMA. */
  DmaMaintenance dmaMaintenance();

  /** The clock and event queue. */
  SimulatedTime time();

  /** The event trace (empty unless enabled in the settings). */
  EventTrace trace();

  /** What the machine has done so far, in cycles and counts. */
  CostReport costs();

  /** Lets time pass (device events, hardware activity) until {@code condition} holds. */
  void runUntil(BooleanSupplier condition);

  /** Lets time pass until no device event is pending. */
  void runUntilIdle();

  /** Adds a note from the running program to the trace. */
  void note(String text);

  /**
   * A hash of the machine's state that decides what happens next for the same future choices:
   * cache contents and replacement order, memory, page attributes, transfers in flight (with
   * their timing relative to now), the hardware's memory of the last access, and the running
   * program's progress (its access count and every value it loaded). Costs, the clock's
   * absolute value and the trace are left out. Two machines with equal hashes continue alike.
   */
  long stateHash();

  /**
   * Saves the whole machine's state (every {@link Restorable} part bound in its injector: caches,
   * memory, page table, clock, costs, trace, allocators, the DMA API's bookkeeping; and the
   * architecture's address space and DMA maintenance when they are {@link Restorable}). Running the
   * returned action puts the machine back in that state, as often as needed, so that one machine
   * runs a program many times from the same start.
   *
   * @throws IllegalStateException when a device event is pending or a transfer is in flight
   */
  Runnable checkpoint();
}
