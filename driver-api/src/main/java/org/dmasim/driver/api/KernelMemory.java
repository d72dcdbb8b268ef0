package org.dmasim.driver.api;

/**
 * Where a driver gets memory: kmalloc, whole pages, and (to show what must not be mapped)
 * the kernel stack, vmalloc space and kernel text. Addresses are kernel virtual addresses.
 */
public interface KernelMemory {
  /** {@code kmalloc(size, GFP_KERNEL)}. */
  long kmalloc(long size);

  /** {@code kfree}. */
  void kfree(long address);

  /** {@code ksize}: the usable size of a kmalloc block. */
  long ksize(long address);

  /** {@code __get_free_pages(order)}: 2^order pages, in the linear map. */
  long allocPages(int order);

  /** {@code free_pages}. */
  void freePages(long address, int order);

  /** A buffer of {@code size} bytes on the kernel stack (must never be mapped for DMA). */
  long stackBuffer(int size);

  /** {@code vmalloc(size)} (must never be mapped for DMA with map_single). */
  long vmalloc(long size);

  /** An address in the kernel's text (must never be mapped for DMA). */
  long kernelText();

  /** Makes every page that {@code [address, +length)} touches uncached until restored. */
  UncachedRegion makeUncached(long address, long length);
}
