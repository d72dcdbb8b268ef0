package org.dmasim.allocators;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
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
  /** Kinds of change: a block put on or taken off a free list; a block allocated or released. */
  private static final byte FREED = 0;
  private static final byte TAKEN = 1;
  private static final byte ALLOCATED = 2;
  private static final byte RELEASED = 3;

  private final List<TreeSet<Long>> free = new ArrayList<>();
  private final Map<Long, Integer> allocated = new HashMap<>();
  /**
   * The changes since the newest checkpoint, oldest first, so that restoring it undoes only
   * those (the free lists hold over a hundred blocks; a run changes a few): what changed, the
   * order, and the block.
   */
  private int checkpoints;
  private byte[] changeKinds = new byte[16];
  private byte[] changeOrders = new byte[16];
  private long[] changeBlocks = new long[16];
  private int changes;

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
    take(foundOrder, found);
    for (int split = foundOrder - 1; split >= order; split--) {
      give(split, found + blockBytes(split));
    }
    allocated.put(found, order);
    changed(ALLOCATED, order, found);
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
    changed(RELEASED, order, physicalAddress);
    long block = physicalAddress;
    int blockOrder = order;
    while (blockOrder < PhysicalLayout.MAX_ORDER) {
      long buddy = block ^ blockBytes(blockOrder);
      if (!free.get(blockOrder).contains(buddy)) {
        break;
      }
      take(blockOrder, buddy);
      block = Math.min(block, buddy);
      blockOrder++;
    }
    give(blockOrder, block);
  }

  private void take(int order, long block) {
    free.get(order).remove(block);
    changed(TAKEN, order, block);
  }

  private void give(int order, long block) {
    free.get(order).add(block);
    changed(FREED, order, block);
  }

  private void changed(byte kind, int order, long block) {
    if (checkpoints == 0) {
      return;
    }
    if (changes == changeKinds.length) {
      changeKinds = Arrays.copyOf(changeKinds, changes * 2);
      changeOrders = Arrays.copyOf(changeOrders, changes * 2);
      changeBlocks = Arrays.copyOf(changeBlocks, changes * 2);
    }
    changeKinds[changes] = kind;
    changeOrders[changes] = (byte) order;
    changeBlocks[changes] = block;
    changes++;
  }

  /**
   * Saves the free lists and the allocated blocks. Restoring undoes the changes made since, in
   * reverse (or, when this is no longer the newest checkpoint, copies everything back).
   */
  @Override
  public Runnable checkpoint() {
    int epoch = ++checkpoints;
    List<TreeSet<Long>> savedFree = new ArrayList<>();
    for (TreeSet<Long> blocks : free) {
      savedFree.add(new TreeSet<>(blocks));
    }
    Map<Long, Integer> savedAllocated = new HashMap<>(allocated);
    changes = 0;
    return () -> {
      if (epoch == checkpoints) {
        for (int i = changes - 1; i >= 0; i--) {
          long block = changeBlocks[i];
          switch (changeKinds[i]) {
            case FREED -> free.get(changeOrders[i]).remove(block);
            case TAKEN -> free.get(changeOrders[i]).add(block);
            case ALLOCATED -> allocated.remove(block);
            default -> allocated.put(block, (int) changeOrders[i]);
          }
        }
      } else {
        checkpoints = epoch;
        for (int order = 0; order <= PhysicalLayout.MAX_ORDER; order++) {
          free.get(order).clear();
          free.get(order).addAll(savedFree.get(order));
        }
        allocated.clear();
        allocated.putAll(savedAllocated);
      }
      changes = 0;
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
