package org.dmasim.allocators;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dmasim.core.Hex;
import org.dmasim.core.Restorable;

/**
 * A binary buddy allocator over {@code [PAGES_BASE, PAGES_END)}: free blocks are kept per
 * order and fully coalesced, and a request takes the lowest-addressed free block of a
 * sufficient order, splitting it and keeping its lowest part. So the result is always the
 * lowest free, naturally aligned run of 2^order pages.
 */
final class BuddyPageAllocator implements PageAllocator, Restorable {
  private final List<TreeSet<Long>> free = new ArrayList<>();
  private final Map<Long, Integer> allocated = new HashMap<>();

  @Inject
  BuddyPageAllocator() {
    for (int order = 0; order <= PhysicalLayout.MAX_ORDER; order++) {
      free.add(new TreeSet<>());
    }
    long at = PhysicalLayout.PAGES_BASE;
    while (at < PhysicalLayout.PAGES_END) {
      int order = PhysicalLayout.MAX_ORDER;
      while (at % blockBytes(order) != 0 || at + blockBytes(order) > PhysicalLayout.PAGES_END) {
        order--;
      }
      free.get(order).add(at);
      at += blockBytes(order);
    }
  }

  @Override
  public long allocatePages(int order) {
    checkOrder(order, "Cannot allocate pages of order " + order);
    int foundOrder = -1;
    long found = Long.MAX_VALUE;
    for (int candidate = order; candidate <= PhysicalLayout.MAX_ORDER; candidate++) {
      TreeSet<Long> blocks = free.get(candidate);
      if (!blocks.isEmpty() && blocks.first() < found) {
        found = blocks.first();
        foundOrder = candidate;
      }
    }
    if (foundOrder < 0) {
      throw new IllegalStateException("Out of memory: no free block of order " + order + " (" + blockBytes(order)
          + " bytes) in [" + Hex.address(PhysicalLayout.PAGES_BASE) + ", " + Hex.address(PhysicalLayout.PAGES_END)
          + ")");
    }
    free.get(foundOrder).remove(found);
    for (int split = foundOrder - 1; split >= order; split--) {
      free.get(split).add(found + blockBytes(split));
    }
    allocated.put(found, order);
    return found;
  }

  @Override
  public void freePages(long physicalAddress, int order) {
    String what = "Cannot free pages at " + Hex.address(physicalAddress) + " with order " + order;
    checkOrder(order, what);
    Integer actual = allocated.get(physicalAddress);
    if (actual == null) {
      throw new IllegalArgumentException(what + ": no block is allocated there (never allocated or already freed)");
    }
    if (actual != order) {
      throw new IllegalArgumentException(what + ": the block was allocated with order " + actual);
    }
    allocated.remove(physicalAddress);
    long block = physicalAddress;
    int blockOrder = order;
    while (blockOrder < PhysicalLayout.MAX_ORDER) {
      long buddy = block ^ blockBytes(blockOrder);
      if (!free.get(blockOrder).remove(buddy)) {
        break;
      }
      block = Math.min(block, buddy);
      blockOrder++;
    }
    free.get(blockOrder).add(block);
  }

  @Override
  public Runnable checkpoint() {
    List<TreeSet<Long>> savedFree = new ArrayList<>();
    for (TreeSet<Long> blocks : free) {
      savedFree.add(new TreeSet<>(blocks));
    }
    Map<Long, Integer> savedAllocated = new HashMap<>(allocated);
    return () -> {
      for (int order = 0; order <= PhysicalLayout.MAX_ORDER; order++) {
        free.get(order).clear();
        free.get(order).addAll(savedFree.get(order));
      }
      allocated.clear();
      allocated.putAll(savedAllocated);
    };
  }

  /** Pages not allocated. */
  long freePages() {
    long pages = 0;
    for (int order = 0; order <= PhysicalLayout.MAX_ORDER; order++) {
      pages += (long) free.get(order).size() << order;
    }
    return pages;
  }

  /** Blocks allocated and not freed. */
  int allocatedBlocks() {
    return allocated.size();
  }

  private static long blockBytes(int order) {
    return (long) PAGE_SIZE << order;
  }

  private static void checkOrder(int order, String what) {
    if (order < 0 || order > PhysicalLayout.MAX_ORDER) {
      throw new IllegalArgumentException(what + ": the order must be from 0 to " + PhysicalLayout.MAX_ORDER);
    }
  }
}
