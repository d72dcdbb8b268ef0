package org.dmasim.allocators;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Cpu;
import org.dmasim.core.Hex;
import org.dmasim.core.PageTable;
import org.dmasim.core.Restorable;
import org.dmasim.core.Translation;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.DmaMaintenance;

/**
 * dma_alloc_coherent as kernel/dma/direct.c does it without an IOMMU: 2^order pages from
 * the page allocator, the architecture's coherent preparation, the cached linear map on a
 * coherent machine or an uncached alias otherwise, zeroed through the CPU address. The
 * device address is the physical address.
 */
final class DirectCoherentMemory implements CoherentMemory, Restorable {
  private record Live(CoherentBlock block, long physicalAddress, int order) {
    long bytes() {
      return (long) PageAllocator.PAGE_SIZE << order;
    }
  }

  private final ArchitectureProfile profile;
  private final AddressSpace addressSpace;
  private final PageTable pageTable;
  private final PageAllocator pages;
  private final DmaMaintenance maintenance;
  private final Cpu cpu;
  private final Map<Long, Live> live = new HashMap<>();
  /** The zeros the memset writes, one array per order, made once: the CPU only reads them. */
  private final byte[][] zerosByOrder = new byte[PhysicalLayout.MAX_ORDER + 1][];

  @Inject
  DirectCoherentMemory(ArchitectureProfile profile, AddressSpace addressSpace, PageTable pageTable,
      PageAllocator pages, DmaMaintenance maintenance, Cpu cpu) {
    this.profile = PhysicalLayout.notNull(profile, "profile");
    this.addressSpace = PhysicalLayout.notNull(addressSpace, "addressSpace");
    this.pageTable = PhysicalLayout.notNull(pageTable, "pageTable");
    this.pages = PhysicalLayout.notNull(pages, "pages");
    this.maintenance = PhysicalLayout.notNull(maintenance, "maintenance");
    this.cpu = PhysicalLayout.notNull(cpu, "cpu");
  }

  @Override
  public CoherentBlock allocate(long size) {
    if (size <= 0) {
      throw new IllegalArgumentException("Invalid coherent allocation size " + size + ": must be > 0");
    }
    int order = PageAllocator.orderFor(size);
    if (order > PhysicalLayout.MAX_ORDER) {
      throw new IllegalArgumentException("Invalid coherent allocation size " + size + ": needs order " + order
          + ", above the page allocator's largest order " + PhysicalLayout.MAX_ORDER);
    }
    long physical = pages.allocatePages(order);
    long bytes = (long) PageAllocator.PAGE_SIZE << order;
    maintenance.prepareCoherent(physical, bytes);
    long cpuAddress = profile.dmaCoherent() ? addressSpace.kernelAddress(physical)
        : addressSpace.uncachedAlias(physical, bytes);
    // dma_alloc_coherent returns zeroed memory; the kernel's memset goes through the CPU
    // address it returns (the remap on ARM; KSEG0 before the write-back on MIPS, same bytes).
    if (zerosByOrder[order] == null) {
      zerosByOrder[order] = new byte[(int) bytes];
    }
    cpu.write(cpuAddress, zerosByOrder[order]);
    CoherentBlock block = new CoherentBlock(cpuAddress, physical, size);
    live.put(cpuAddress, new Live(block, physical, order));
    return block;
  }

  @Override
  public void free(long size, long cpuAddress, long dmaAddress) {
    String what = "Cannot free coherent memory of size " + size + " at CPU address " + Hex.address(cpuAddress)
        + ", DMA address " + Hex.address(dmaAddress);
    Live block = live.get(cpuAddress);
    if (block == null) {
      for (Live other : live.values()) {
        if (other.block.dmaAddress() == dmaAddress) {
          throw new IllegalArgumentException(what + ": DMA address " + Hex.address(dmaAddress)
              + " was allocated with CPU address " + Hex.address(other.block.cpuAddress()));
        }
      }
      throw new IllegalArgumentException(what + ": no coherent block starts there (never allocated, or already"
          + " freed)");
    }
    if (block.block.dmaAddress() != dmaAddress) {
      throw new IllegalArgumentException(what + ": the block's DMA address is "
          + Hex.address(block.block.dmaAddress()));
    }
    if (block.block.size() != size) {
      throw new IllegalArgumentException(what + ": the block was allocated with size " + block.block.size());
    }
    live.remove(cpuAddress);
    releaseAlias(block);
    pages.freePages(block.physicalAddress, block.order);
  }

  @Override
  public long bytesLostToAlignmentAndPadding() {
    long lost = 0;
    for (Live block : live.values()) {
      lost += block.bytes() - block.block.size();
    }
    return lost;
  }

  /** Saves the live blocks; their pages, aliases and contents are the page allocator's, page table's and memory's. */
  @Override
  public Runnable checkpoint() {
    Map<Long, Live> saved = new HashMap<>(live);
    return () -> {
      live.clear();
      live.putAll(saved);
    };
  }

  /** Blocks allocated and not freed. */
  int liveBlocks() {
    return live.size();
  }

  /** Unmaps an uncached remap held by the page table (dma_common_free_remap); KSEG1 needs nothing. */
  private void releaseAlias(Live block) {
    long cpuAddress = block.block.cpuAddress();
    if (profile.dmaCoherent() || cpuAddress % PageTable.PAGE_SIZE != 0) {
      return;
    }
    Translation mapped = pageTable.lookup(cpuAddress);
    if (mapped != null && !mapped.attribute().cacheable() && mapped.physicalAddress() == block.physicalAddress) {
      pageTable.unmap(cpuAddress, block.bytes());
    }
  }
}
