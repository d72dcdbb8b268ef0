package org.dmasim.driver.api;

/**
 * The CPU's view of memory at kernel virtual addresses, through the page table and cache of
 * the machine the driver runs on. Values are little-endian; narrow reads are zero-extended.
 */
public interface CpuAccess {
  /** Reads one byte. */
  int read8(long address);

  /** Reads a 16-bit value. */
  int read16(long address);

  /** Reads a 32-bit value. */
  int read32(long address);

  /** Reads a 64-bit value. */
  long read64(long address);

  /** Writes the low 8 bits of {@code value}. */
  void write8(long address, int value);

  /** Writes the low 16 bits of {@code value}. */
  void write16(long address, int value);

  /** Writes a 32-bit value. */
  void write32(long address, int value);

  /** Writes a 64-bit value. */
  void write64(long address, long value);

  /** Reads {@code length} bytes. */
  byte[] read(long address, int length);

  /** Writes all of {@code bytes}. */
  void write(long address, byte[] bytes);
}
