package org.dmasim.driver.api.internal;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmasim.allocators.Kmalloc;
import org.dmasim.allocators.PageAllocator;
import org.dmasim.allocators.UncachedPages;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Allocation;
import org.dmasim.core.Hex;
import org.dmasim.core.PageAttribute;
import org.dmasim.core.PageTable;
import org.dmasim.core.Restorable;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.driver.api.KernelMemory;
import org.dmasim.driver.api.UncachedRegion;

/**
 * Kernel memory for drivers: kmalloc and pages in the linear map, and stack, vmalloc and text
 * regions mapped page by page in a window of their own, so the DMA API can tell them apart.
 */
final class SimulatedKernelMemory implements KernelMemory, Restorable {
  /** What kind of memory an address is. */
  enum Kind {
    KMALLOC, PAGES, STACK, VMALLOC, TEXT
  }

  /** The allocated block holding an address: its kind and bounds. */
  record Block(Kind kind, long start, long length) {
    boolean contains(long address, long size) {
      return address >= start && size >= 0 && address - start + size <= length;
    }
  }

  private static final long STACK_OFFSET = 0;
  private static final long VMALLOC_OFFSET = 64L << 20;
  private static final long TEXT_OFFSET = 128L << 20;

  private final Kmalloc kmalloc;
  private final PageAllocator pages;
  private final UncachedPages uncachedPages;
  private final AddressSpace addressSpace;
  private final PageTable pageTable;
  private final long windowBase;
  private final Map<Long, Integer> pageBlocks = new HashMap<>();
  private final List<Block> windowBlocks = new ArrayList<>();
  private long nextStack;
  private long nextVmalloc;
  private long text = -1;

  @Inject
  SimulatedKernelMemory(Kmalloc kmalloc, PageAllocator pages, UncachedPages uncachedPages, AddressSpace addressSpace,
      PageTable pageTable, ArchitectureProfile profile) {
    this.kmalloc = kmalloc;
    this.pages = pages;
    this.uncachedPages = uncachedPages;
    this.addressSpace = addressSpace;
    this.pageTable = pageTable;
    this.windowBase = profile.abi().pointerSize() == 8 ? 0xffff_ffc0_0000_0000L : 0xf000_0000L;
    this.nextStack = windowBase + STACK_OFFSET;
    this.nextVmalloc = windowBase + VMALLOC_OFFSET;
  }

  @Override
  public long kmalloc(long size) {
    return kmalloc.kmalloc(size).address();
  }

  @Override
  public void kfree(long address) {
    kmalloc.free(address);
  }

  @Override
  public long ksize(long address) {
    return kmalloc.usableSize(address);
  }

  @Override
  public long allocPages(int order) {
    long address = addressSpace.kernelAddress(pages.allocatePages(order));
    pageBlocks.put(address, order);
    return address;
  }

  @Override
  public void freePages(long address, int order) {
    Integer allocated = pageBlocks.get(address);
    if (allocated == null || allocated != order) {
      throw new IllegalArgumentException("free_pages(" + Hex.address(address) + ", order " + order + "): "
          + (allocated == null ? "no page block was allocated there" : "it was allocated with order " + allocated));
    }
    pages.freePages(addressSpace.translate(address).physicalAddress(), order);
    pageBlocks.remove(address);
  }

  @Override
  public long stackBuffer(int size) {
    long address = mapWindow(nextStack, size, Kind.STACK);
    nextStack += pageRound(size) + PageTable.PAGE_SIZE;
    return address;
  }

  @Override
  public long vmalloc(long size) {
    long address = mapWindow(nextVmalloc, size, Kind.VMALLOC);
    nextVmalloc += pageRound(size) + PageTable.PAGE_SIZE;
    return address;
  }

  @Override
  public long kernelText() {
    if (text < 0) {
      text = mapWindow(windowBase + TEXT_OFFSET, PageTable.PAGE_SIZE, Kind.TEXT);
    }
    return text;
  }

  @Override
  public UncachedRegion makeUncached(long address, long length) {
    UncachedPages.Region region = uncachedPages.makeUncached(address, length);
    return region::restore;
  }

  /**
   * Saves the page blocks, the stack, vmalloc and text blocks and where the next stack and
   * vmalloc buffers go; the pages and window mappings are the allocators' and page table's.
   */
  @Override
  public Runnable checkpoint() {
    Map<Long, Integer> savedPageBlocks = new HashMap<>(pageBlocks);
    List<Block> savedWindowBlocks = List.copyOf(windowBlocks);
    long savedNextStack = nextStack;
    long savedNextVmalloc = nextVmalloc;
    long savedText = text;
    return () -> {
      pageBlocks.clear();
      pageBlocks.putAll(savedPageBlocks);
      windowBlocks.clear();
      windowBlocks.addAll(savedWindowBlocks);
      nextStack = savedNextStack;
      nextVmalloc = savedNextVmalloc;
      text = savedText;
    };
  }

  /** The allocated block holding {@code address}, if any. */
  Optional<Block> blockOf(long address) {
    Optional<Allocation> object = kmalloc.find(address);
    if (object.isPresent()) {
      return Optional.of(new Block(Kind.KMALLOC, object.get().address(), object.get().usableSize()));
    }
    for (Map.Entry<Long, Integer> block : pageBlocks.entrySet()) {
      long length = (long) PageTable.PAGE_SIZE << block.getValue();
      if (address >= block.getKey() && address - block.getKey() < length) {
        return Optional.of(new Block(Kind.PAGES, block.getKey(), length));
      }
    }
    for (Block block : windowBlocks) {
      if (address >= block.start() && address - block.start() < block.length()) {
        return Optional.of(block);
      }
    }
    return Optional.empty();
  }

  private long mapWindow(long virtualAddress, long size, Kind kind) {
    if (size <= 0) {
      throw new IllegalArgumentException("Invalid " + kind.name().toLowerCase(java.util.Locale.ROOT) + " size " + size
          + ": must be > 0");
    }
    long length = pageRound(size);
    int order = PageAllocator.orderFor(length);
    long physical = pages.allocatePages(order);
    pageTable.map(virtualAddress, physical, length, PageAttribute.WRITE_BACK);
    windowBlocks.add(new Block(kind, virtualAddress, size));
    return virtualAddress;
  }

  private static long pageRound(long size) {
    return (size + PageTable.PAGE_SIZE - 1) / PageTable.PAGE_SIZE * PageTable.PAGE_SIZE;
  }
}
