package org.dmasim.allocators;

import java.util.List;
import java.util.Optional;
import org.dmasim.core.Allocation;
import org.dmasim.core.Allocator;

/**
 * kmalloc: Linux's size classes from the architecture's minimum alignment up to 8 KiB,
 * objects of one class packed next to each other in naturally aligned slabs; larger
 * requests go to the page allocator. Addresses are the kernel's cached linear-map aliases.
 */
public interface Kmalloc extends Allocator {
  /** Largest request served from a size class; larger ones take whole pages. */
  int LARGEST_CLASS = 8192;

  /** The size classes that exist on this machine, ascending. */
  List<Integer> sizeClasses();

  /** ARCH_KMALLOC_MINALIGN: the smallest class and the alignment every object has. */
  int minimumAlignment();

  /** The size a request of {@code size} bytes is rounded up to (kmalloc_size_roundup). */
  long sizeClassFor(long size);

  /** Allocates {@code size} bytes, as {@code kmalloc(size, GFP_KERNEL)}. */
  default Allocation kmalloc(long size) {
    return allocate(size, 1);
  }

  /** The live allocation whose usable bytes contain {@code virtualAddress}, if any. */
  Optional<Allocation> find(long virtualAddress);
}
