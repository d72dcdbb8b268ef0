package org.dmasim.core;

/**
 * The CPU of a simulated machine, at virtual addresses: each access translates through the
 * architecture's address space and goes through the data cache or, for uncached memory,
 * straight to memory. Before each access the hardware may act on its own (a due device
 * burst, an eviction, a speculative fill), as the machine's choice source decides. An access
 * that faults changes nothing.
 */
public interface Cpu {
  /** Loads {@code size} (1, 2, 4 or 8) bytes, little-endian, zero-extended. */
  long load(long virtualAddress, int size);

  /** Stores the low {@code size} (1, 2, 4 or 8) bytes of {@code value}, little-endian. */
  void store(long virtualAddress, int size, long value);

  /** Reads {@code length} bytes. */
  byte[] read(long virtualAddress, int length);

  /** Writes all of {@code bytes}. */
  void write(long virtualAddress, byte[] bytes);

  /**
   * The physical address {@code virtualAddress} translates to, as this CPU's accesses translate
   * it (through the translations it keeps); no access is made and no hardware activity happens.
   *
   * @throws AddressFault if no mapping covers {@code virtualAddress}
   */
  long physicalAddress(long virtualAddress);
}
