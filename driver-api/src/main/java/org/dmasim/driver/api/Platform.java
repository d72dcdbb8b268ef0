package org.dmasim.driver.api;

/**
 * Everything a driver sees of the machine it runs on: the target's constants, the CPU, kernel
 * memory, the DMA mapping API, the device and the debug checker. The same driver code runs
 * on every architecture.
 */
public interface Platform {
  /** The machine's constants as Linux exposes them to drivers. */
  Target target();

  /** The CPU, through the page table and cache. */
  CpuAccess cpu();

  /** Kernel memory allocators. */
  KernelMemory memory();

  /** The DMA mapping API. */
  DmaApi dma();

  /** The device the driver controls. */
  Device device();

  /** The DMA-API debug checker. */
  DmaDebug debug();

  /** Lets time pass until the device has completed {@code transfer}. */
  void waitFor(TransferHandle transfer);

  /** Lets time pass until no device activity is pending. */
  void idle();

  /** The driver is being removed: the checker reports mappings still live. */
  void removeDriver();

  /** Adds a note to the machine's event trace (when tracing). */
  void note(String text);
}
