package org.dmasim.allocators;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Allocation;
import org.dmasim.core.Hex;
import org.dmasim.core.Restorable;
import org.dmasim.core.ArchitectureProfile;

/**
 * kmalloc with Linux's size classes (include/linux/slab.h): each class has slabs of one page
 * (two for the 8 KiB class) from the page allocator, objects packed from offset 0 at steps
 * of the class size, lowest free slot of the lowest slab first. A slab that becomes empty
 * goes back to the page allocator. Requests above {@link #LARGEST_CLASS} take whole pages.
 */
final class SlabKmalloc implements Kmalloc, Restorable {
  private static final int[] ALL_CLASSES = {8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192};

  /** A slab: naturally aligned pages holding objects of one class. */
  private static final class Slab {
    final long physicalAddress;
    final long virtualAddress;
    final int order;
    final int objectSize;
    final int objects;
    final BitSet used;

    Slab(long physicalAddress, long virtualAddress, int order, int objectSize) {
      this.physicalAddress = physicalAddress;
      this.virtualAddress = virtualAddress;
      this.order = order;
      this.objectSize = objectSize;
      this.objects = (PageAllocator.PAGE_SIZE << order) / objectSize;
      this.used = new BitSet(objects);
    }

    boolean full() {
      return used.cardinality() == objects;
    }

    long bytes() {
      return (long) PageAllocator.PAGE_SIZE << order;
    }
  }

  /** A live object: its allocation and the slab it lies in, or null for whole pages. */
  private record Live(Allocation allocation, Slab slab, int pageOrder) {}

  private final AddressSpace addressSpace;
  private final PageAllocator pages;
  private final int minimumAlignment;
  private final List<Integer> sizeClasses;
  private final Map<Integer, TreeMap<Long, Slab>> slabsByClass = new HashMap<>();
  private final TreeMap<Long, Slab> slabsByAddress = new TreeMap<>();
  private final TreeMap<Long, Live> live = new TreeMap<>();

  @Inject
  SlabKmalloc(ArchitectureProfile profile, AddressSpace addressSpace, PageAllocator pages) {
    PhysicalLayout.notNull(profile, "profile");
    this.addressSpace = PhysicalLayout.notNull(addressSpace, "addressSpace");
    this.pages = PhysicalLayout.notNull(pages, "pages");
    this.minimumAlignment = profile.kmallocMinimumAlignment();
    if (minimumAlignment > LARGEST_CLASS) {
      throw new IllegalArgumentException("profile " + profile.qualifiedName() + ": kmalloc minimum alignment "
          + minimumAlignment + " exceeds the largest class " + LARGEST_CLASS);
    }
    List<Integer> classes = new ArrayList<>();
    for (int sizeClass : ALL_CLASSES) {
      boolean exists = sizeClass >= minimumAlignment
          && (sizeClass != 96 || minimumAlignment <= 32)
          && (sizeClass != 192 || minimumAlignment <= 64);
      if (exists) {
        classes.add(sizeClass);
        slabsByClass.put(sizeClass, new TreeMap<>());
      }
    }
    this.sizeClasses = List.copyOf(classes);
  }

  @Override
  public List<Integer> sizeClasses() {
    return sizeClasses;
  }

  @Override
  public int minimumAlignment() {
    return minimumAlignment;
  }

  @Override
  public long sizeClassFor(long size) {
    if (size <= 0) {
      throw new IllegalArgumentException("Invalid kmalloc size " + size + ": must be > 0");
    }
    if (size > LARGEST_CLASS) {
      return (long) PageAllocator.PAGE_SIZE << PageAllocator.orderFor(size);
    }
    return smallestClass(size, false);
  }

  @Override
  public Allocation allocate(long size, long alignment) {
    if (size <= 0) {
      throw new IllegalArgumentException("Invalid kmalloc size " + size + ": must be > 0");
    }
    if (!PhysicalLayout.isPowerOfTwo(alignment)) {
      throw new IllegalArgumentException("Invalid kmalloc alignment " + alignment + " for size " + size
          + ": must be a power of two");
    }
    long needed = Math.max(size, alignment);
    if (needed > LARGEST_CLASS) {
      return allocateLarge(size, alignment);
    }
    int sizeClass = smallestClass(needed, false);
    if (Integer.lowestOneBit(sizeClass) < alignment) {
      sizeClass = smallestClass(needed, true);
    }
    Slab slab = slabWithRoom(sizeClass);
    int slot = slab.used.nextClearBit(0);
    slab.used.set(slot);
    long offset = (long) slot * sizeClass;
    Allocation allocation = new Allocation(slab.virtualAddress + offset, slab.physicalAddress + offset, size,
        sizeClass);
    live.put(allocation.address(), new Live(allocation, slab, -1));
    return allocation;
  }

  @Override
  public void free(long address) {
    Live object = live.get(address);
    if (object == null) {
      throw new IllegalArgumentException("Cannot kfree " + Hex.address(address) + ": " + whyNotLive(address));
    }
    live.remove(address);
    if (object.slab == null) {
      pages.freePages(object.allocation.physicalAddress(), object.pageOrder);
      return;
    }
    Slab slab = object.slab;
    slab.used.clear((int) ((address - slab.virtualAddress) / slab.objectSize));
    if (slab.used.isEmpty()) {
      slabsByClass.get(slab.objectSize).remove(slab.physicalAddress);
      slabsByAddress.remove(slab.virtualAddress);
      pages.freePages(slab.physicalAddress, slab.order);
    }
  }

  @Override
  public long usableSize(long address) {
    Live object = live.get(address);
    if (object == null) {
      throw new IllegalArgumentException("No usable size for " + Hex.address(address) + ": " + whyNotLive(address));
    }
    return object.allocation.usableSize();
  }

  @Override
  public long bytesLostToAlignmentAndPadding() {
    long lost = 0;
    for (Live object : live.values()) {
      lost += object.allocation.usableSize() - object.allocation.requestedSize();
    }
    return lost;
  }

  @Override
  public Optional<Allocation> find(long virtualAddress) {
    Map.Entry<Long, Live> entry = live.floorEntry(virtualAddress);
    if (entry == null) {
      return Optional.empty();
    }
    Allocation allocation = entry.getValue().allocation;
    return virtualAddress - allocation.address() < allocation.usableSize() ? Optional.of(allocation)
        : Optional.empty();
  }

  /**
   * Saves the slabs, which objects of each are used, and the live objects. Restoring keeps the
   * slab objects the live objects point at and puts each one's used objects back; slabs made
   * later are dropped.
   */
  @Override
  public Runnable checkpoint() {
    Map<Integer, TreeMap<Long, Slab>> savedByClass = new HashMap<>();
    slabsByClass.forEach((sizeClass, slabs) -> savedByClass.put(sizeClass, new TreeMap<>(slabs)));
    TreeMap<Long, Slab> savedByAddress = new TreeMap<>(slabsByAddress);
    Map<Slab, BitSet> savedUsed = new IdentityHashMap<>();
    for (Slab slab : slabsByAddress.values()) {
      savedUsed.put(slab, (BitSet) slab.used.clone());
    }
    TreeMap<Long, Live> savedLive = new TreeMap<>(live);
    return () -> {
      savedByClass.forEach((sizeClass, slabs) -> {
        TreeMap<Long, Slab> restored = slabsByClass.get(sizeClass);
        restored.clear();
        restored.putAll(slabs);
      });
      slabsByAddress.clear();
      slabsByAddress.putAll(savedByAddress);
      savedUsed.forEach((slab, used) -> {
        slab.used.clear();
        slab.used.or(used);
      });
      live.clear();
      live.putAll(savedLive);
    };
  }

  /** Slabs in use now, of every class. */
  int slabs() {
    return slabsByAddress.size();
  }

  private Allocation allocateLarge(long size, long alignment) {
    int order = PageAllocator.orderFor(size);
    while (((long) PageAllocator.PAGE_SIZE << order) < alignment) {
      order++;
    }
    if (order > PhysicalLayout.MAX_ORDER) {
      throw new IllegalArgumentException("Invalid kmalloc size " + size + " with alignment " + alignment
          + ": needs order " + order + ", above the page allocator's largest order " + PhysicalLayout.MAX_ORDER);
    }
    long physical = pages.allocatePages(order);
    Allocation allocation = new Allocation(addressSpace.kernelAddress(physical), physical, size,
        (long) PageAllocator.PAGE_SIZE << order);
    live.put(allocation.address(), new Live(allocation, null, order));
    return allocation;
  }

  private int smallestClass(long size, boolean powerOfTwoOnly) {
    for (int sizeClass : sizeClasses) {
      if (sizeClass >= size && (!powerOfTwoOnly || Integer.bitCount(sizeClass) == 1)) {
        return sizeClass;
      }
    }
    throw new IllegalStateException("No kmalloc class holds " + size + " bytes");
  }

  private Slab slabWithRoom(int sizeClass) {
    TreeMap<Long, Slab> slabs = slabsByClass.get(sizeClass);
    for (Slab slab : slabs.values()) {
      if (!slab.full()) {
        return slab;
      }
    }
    int order = PageAllocator.orderFor(sizeClass);
    long physical = pages.allocatePages(order);
    Slab slab = new Slab(physical, addressSpace.kernelAddress(physical), order, sizeClass);
    slabs.put(physical, slab);
    slabsByAddress.put(slab.virtualAddress, slab);
    return slab;
  }

  private String whyNotLive(long address) {
    Map.Entry<Long, Slab> entry = slabsByAddress.floorEntry(address);
    if (entry != null) {
      Slab slab = entry.getValue();
      long offset = address - slab.virtualAddress;
      if (offset < slab.bytes() && offset % slab.objectSize == 0
          && !slab.used.get((int) (offset / slab.objectSize))) {
        return "double free: the kmalloc-" + slab.objectSize + " object there is already free";
      }
      if (offset < slab.bytes() && offset % slab.objectSize != 0) {
        return "not the start of a kmalloc-" + slab.objectSize + " object";
      }
    }
    return "no live kmalloc allocation starts there (never allocated, or already freed)";
  }
}
