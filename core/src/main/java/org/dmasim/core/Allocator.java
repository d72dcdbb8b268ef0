package org.dmasim.core;

/**
 * A memory allocator of the simulated kernel. Addresses are kernel virtual addresses.
 * Bad requests (size not positive, alignment not a power of two, freeing what is not
 * allocated) throw {@link IllegalArgumentException} naming the values and change nothing.
 */
public interface Allocator {
  /** Allocates at least {@code size} bytes aligned to {@code alignment} (a power of two). */
  Allocation allocate(long size, long alignment);

  /** Frees the block that starts at {@code address}. */
  void free(long address);

  /** The usable size of the live block that starts at {@code address}. */
  long usableSize(long address);

  /** Bytes of live blocks lost to alignment and padding (usable beyond requested, plus alignment gaps). */
  long bytesLostToAlignmentAndPadding();
}
