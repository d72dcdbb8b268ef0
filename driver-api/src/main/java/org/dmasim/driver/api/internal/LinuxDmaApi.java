package org.dmasim.driver.api.internal;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmasim.allocators.BounceBuffers;
import org.dmasim.allocators.BounceMapping;
import org.dmasim.allocators.CoherentBlock;
import org.dmasim.allocators.CoherentMemory;
import org.dmasim.allocators.DmaPools;
import org.dmasim.allocators.PoolBlock;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Hex;
import org.dmasim.core.PageTable;
import org.dmasim.core.DmaMaintenance;
import org.dmasim.driver.api.CoherentBuffer;
import org.dmasim.driver.api.DmaApi;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.DmaPool;
import org.dmasim.driver.api.Finding;
import org.dmasim.driver.api.FindingClass;
import org.dmasim.driver.api.MappedScatterList;
import org.dmasim.driver.api.PoolBuffer;
import org.dmasim.driver.api.ScatterList;

/**
 * The DMA mapping API on the simulated machine: streaming mappings get the architecture's
 * maintenance or a bounce buffer, coherent and pool memory come from the allocators, and
 * every call is shown to the debug checker. Each call checks its arguments and computes its
 * findings before it changes anything.
 */
final class LinuxDmaApi implements DmaApi {
  private final MappingTable mappings;
  private final DebugChecker checker;
  private final SimulatedKernelMemory memory;
  private final AddressSpace addressSpace;
  private final DmaMaintenance maintenance;
  private final BounceBuffers bounceBuffers;
  private final CoherentMemory coherentMemory;
  private final DmaPools pools;
  private final boolean swiotlbForce;

  @Inject
  LinuxDmaApi(MappingTable mappings, DebugChecker checker, SimulatedKernelMemory memory, AddressSpace addressSpace,
      DmaMaintenance maintenance, BounceBuffers bounceBuffers, CoherentMemory coherentMemory, DmaPools pools,
      @Named("swiotlb.force") boolean swiotlbForce) {
    this.swiotlbForce = swiotlbForce;
    this.mappings = mappings;
    this.checker = checker;
    this.memory = memory;
    this.addressSpace = addressSpace;
    this.maintenance = maintenance;
    this.bounceBuffers = bounceBuffers;
    this.coherentMemory = coherentMemory;
    this.pools = pools;
  }

  @Override
  public long mapSingle(long cpuAddress, long size, DmaDirection direction) {
    return map(Mapping.Function.SINGLE, cpuAddress, size, direction);
  }

  @Override
  public long mapPage(long pageAddress, long offset, long size, DmaDirection direction) {
    if (offset < 0) {
      throw new IllegalArgumentException("Invalid page offset " + offset + ": must be >= 0");
    }
    return map(Mapping.Function.PAGE, pageAddress + offset, size, direction);
  }

  @Override
  public boolean mappingError(long dmaAddress) {
    mappings.at(dmaAddress).ifPresent(mapping -> mapping.errorChecked = true);
    return dmaAddress == DMA_MAPPING_ERROR;
  }

  @Override
  public void unmapSingle(long dmaAddress, long size, DmaDirection direction) {
    unmap(Mapping.Function.SINGLE, dmaAddress, size, direction);
  }

  @Override
  public void unmapPage(long dmaAddress, long size, DmaDirection direction) {
    unmap(Mapping.Function.PAGE, dmaAddress, size, direction);
  }

  @Override
  public MappedScatterList mapSg(ScatterList list, DmaDirection direction) {
    requireDirection(direction);
    List<Long> addresses = new ArrayList<>();
    for (ScatterList.Segment segment : list.segments()) {
      long address = map(Mapping.Function.SG, segment.cpuAddress(), segment.length(), direction);
      if (address == DMA_MAPPING_ERROR) {
        for (int i = 0; i < addresses.size(); i++) {
          unmap(Mapping.Function.SG, addresses.get(i), list.segments().get(i).length(), direction);
        }
        addresses.clear();
        break;
      }
      mappingError(address);
      addresses.add(address);
    }
    if (addresses.isEmpty()) {
      return new MappedScatterList(list, list.segments().stream().map(segment -> DMA_MAPPING_ERROR).toList());
    }
    return new MappedScatterList(list, addresses);
  }

  @Override
  public void unmapSg(MappedScatterList mapped, DmaDirection direction) {
    for (int i = 0; i < mapped.dmaAddresses().size(); i++) {
      unmap(Mapping.Function.SG, mapped.dmaAddresses().get(i), mapped.list().segments().get(i).length(), direction);
    }
  }

  @Override
  public void syncSingleForCpu(long dmaAddress, long size, DmaDirection direction) {
    sync(dmaAddress, size, direction, true);
  }

  @Override
  public void syncSingleForDevice(long dmaAddress, long size, DmaDirection direction) {
    sync(dmaAddress, size, direction, false);
  }

  @Override
  public void syncSgForCpu(MappedScatterList mapped, DmaDirection direction) {
    for (int i = 0; i < mapped.dmaAddresses().size(); i++) {
      sync(mapped.dmaAddresses().get(i), mapped.list().segments().get(i).length(), direction, true);
    }
  }

  @Override
  public void syncSgForDevice(MappedScatterList mapped, DmaDirection direction) {
    for (int i = 0; i < mapped.dmaAddresses().size(); i++) {
      sync(mapped.dmaAddresses().get(i), mapped.list().segments().get(i).length(), direction, false);
    }
  }

  @Override
  public CoherentBuffer allocCoherent(long size) {
    CoherentBlock block = coherentMemory.allocate(size);
    Mapping mapping = new Mapping(Mapping.Function.COHERENT, block.cpuAddress(), block.dmaAddress(), block.dmaAddress(),
        size, DmaDirection.BIDIRECTIONAL, null, CallSite.find());
    mapping.errorChecked = true;
    mappings.add(mapping);
    return new CoherentBuffer(block.cpuAddress(), block.dmaAddress(), size);
  }

  @Override
  public void freeCoherent(long size, long cpuAddress, long dmaAddress) {
    Optional<Mapping> found = mappings.at(dmaAddress);
    String call = "free_coherent(size " + size + ", cpu " + Hex.address(cpuAddress) + ", dma " + Hex.address(dmaAddress)
        + ")";
    if (found.isEmpty()) {
      checker.report(checker.finding(FindingClass.UNMAP_NEVER_MAPPED,
          "device driver tries to free DMA memory it has not allocated", call));
      throw new IllegalArgumentException("dma_free_coherent of device address " + Hex.address(dmaAddress)
          + ": no coherent memory is allocated there");
    }
    Mapping mapping = found.get();
    List<Finding> findings = new ArrayList<>();
    if (mapping.function != Mapping.Function.COHERENT) {
      findings.add(checker.finding(FindingClass.WRONG_FUNCTION, "device driver frees DMA memory with wrong function"
          + " [mapped as " + mapping.function.label + "] [unmapped as coherent]", mapping.describe()));
    }
    if (mapping.size != size) {
      findings.add(checker.finding(FindingClass.SIZE_MISMATCH, "device driver frees DMA memory with different size"
          + " [allocated " + mapping.size + " bytes] [freed " + size + " bytes]", mapping.describe()));
    }
    if (mapping.cpuAddress != cpuAddress) {
      findings.add(checker.finding(FindingClass.COHERENT_CPU_ADDRESS_MISMATCH, "device driver frees DMA memory with"
          + " different CPU address [allocated " + Hex.address(mapping.cpuAddress) + "] [freed "
          + Hex.address(cpuAddress) + "]", mapping.describe()));
    }
    checker.report(findings);
    if (mapping.function != Mapping.Function.COHERENT) {
      throw new IllegalArgumentException("dma_free_coherent of " + Hex.address(dmaAddress) + ": it is a "
          + mapping.function.label + " mapping, not coherent memory");
    }
    coherentMemory.free(mapping.size, mapping.cpuAddress, mapping.dmaAddress);
    mappings.remove(mapping);
  }

  @Override
  public DmaPool poolCreate(String name, long size, long align, long boundary) {
    org.dmasim.allocators.DmaPool pool = pools.create(name, size, align, boundary);
    return new DmaPool() {
      @Override
      public String name() {
        return pool.name();
      }

      @Override
      public long blockSize() {
        return pool.blockSize();
      }

      @Override
      public PoolBuffer alloc() {
        PoolBlock block = pool.allocate();
        return new PoolBuffer(block.cpuAddress(), block.dmaAddress());
      }

      @Override
      public void free(PoolBuffer buffer) {
        pool.free(buffer.cpuAddress(), buffer.dmaAddress());
      }

      @Override
      public void destroy() {
        pool.destroy();
      }
    };
  }

  private long map(Mapping.Function function, long cpuAddress, long size, DmaDirection direction) {
    requireDirection(direction);
    if (size <= 0) {
      throw new IllegalArgumentException("Invalid mapping size " + size + " at " + Hex.address(cpuAddress)
          + ": must be > 0");
    }
    SimulatedKernelMemory.Block block = memory.blockOf(cpuAddress).orElseThrow(() -> new IllegalArgumentException(
        "Cannot map " + Hex.address(cpuAddress) + ": it is not in memory the driver allocated (kmalloc, pages,"
            + " stack, vmalloc or text)"));
    if (!block.contains(cpuAddress, size)) {
      throw new IllegalArgumentException("Cannot map " + size + " bytes at " + Hex.address(cpuAddress) + ": the "
          + block.kind().name().toLowerCase(java.util.Locale.ROOT) + " block at " + Hex.address(block.start())
          + " has " + block.length() + " bytes, the range ends " + (cpuAddress + size - block.start() - block.length())
          + " bytes past it");
    }
    String call = "map " + function.label + " of " + Hex.address(cpuAddress) + ", size " + size + ", " + direction;
    List<Finding> findings = new ArrayList<>();
    switch (block.kind()) {
      case STACK -> findings.add(checker.finding(FindingClass.UNMAPPABLE_MEMORY,
          "device driver maps memory from stack", call));
      case VMALLOC -> findings.add(checker.finding(FindingClass.UNMAPPABLE_MEMORY,
          "device driver maps memory from vmalloc area", call));
      case TEXT -> findings.add(checker.finding(FindingClass.UNMAPPABLE_MEMORY,
          "device driver maps memory from kernel text or rodata", call));
      default -> {
        // kmalloc and page memory may be mapped
      }
    }
    long physical = contiguousPhysical(cpuAddress, size);
    if (physical < 0) {
      checker.report(findings);
      return DMA_MAPPING_ERROR;
    }
    findings.addAll(checker.checkCachelines(physical, direction, call));
    checker.report(findings);

    org.dmasim.core.DmaDirection coreDirection = core(direction);
    BounceMapping bounce = null;
    long dmaAddress = physical;
    if (swiotlbForce || bounceBuffers.needsBounce(size, coreDirection)) {
      try {
        bounce = bounceBuffers.map(physical, size, coreDirection);
      } catch (IllegalStateException full) {
        return DMA_MAPPING_ERROR;
      }
      dmaAddress = bounce.bouncePhysical();
    } else {
      maintenance.forDevice(physical, size, coreDirection);
    }
    Mapping mapping = new Mapping(function, cpuAddress, physical, dmaAddress, size, direction, bounce,
        CallSite.find());
    mappings.add(mapping);
    checker.mapped(mapping);
    return dmaAddress;
  }

  private void unmap(Mapping.Function function, long dmaAddress, long size, DmaDirection direction) {
    requireDirection(direction);
    String call = "unmap " + function.label + " of device address " + Hex.address(dmaAddress) + ", size " + size
        + ", " + direction;
    Optional<Mapping> found = mappings.at(dmaAddress);
    if (found.isEmpty()) {
      checker.report(checker.finding(FindingClass.UNMAP_NEVER_MAPPED,
          "device driver tries to free DMA memory it has not allocated", call));
      throw new IllegalArgumentException("Cannot " + call + ": nothing is mapped at that device address"
          + " (never mapped, or already unmapped)");
    }
    Mapping mapping = found.get();
    List<Finding> findings = new ArrayList<>();
    if (mapping.function != function) {
      findings.add(checker.finding(FindingClass.WRONG_FUNCTION, "device driver frees DMA memory with wrong function"
          + " [mapped as " + mapping.function.label + "] [unmapped as " + function.label + "]", mapping.describe()));
    }
    if (mapping.size != size) {
      findings.add(checker.finding(FindingClass.SIZE_MISMATCH, "device driver frees DMA memory with different size"
          + " [mapped " + mapping.size + " bytes] [unmapped " + size + " bytes]", mapping.describe()));
    }
    if (mapping.direction != direction) {
      findings.add(checker.finding(FindingClass.DIRECTION_MISMATCH, "device driver frees DMA memory with different"
          + " direction [mapped " + mapping.direction + "] [unmapped " + direction + "]", mapping.describe()));
    }
    if (!mapping.errorChecked) {
      findings.add(checker.finding(FindingClass.MAPPING_ERROR_NOT_CHECKED,
          "device driver failed to check map error", mapping.describe()));
    }
    checker.report(findings);
    if (mapping.function == Mapping.Function.COHERENT) {
      throw new IllegalArgumentException("Cannot " + call + ": that is coherent memory; free it with free_coherent");
    }
    if (mapping.bounce != null) {
      bounceBuffers.unmap(mapping.bounce);
    } else {
      maintenance.forCpu(mapping.physicalAddress, size, core(direction));
    }
    mappings.remove(mapping);
    checker.unmapped(mapping);
  }

  private void sync(long dmaAddress, long size, DmaDirection direction, boolean forCpu) {
    requireDirection(direction);
    if (size <= 0) {
      throw new IllegalArgumentException("Invalid sync size " + size + ": must be > 0");
    }
    String call = "sync_for_" + (forCpu ? "cpu" : "device") + " of device address " + Hex.address(dmaAddress)
        + ", size " + size + ", " + direction;
    Optional<Mapping> found = mappings.overlapping(dmaAddress, size);
    if (found.isEmpty() || found.get().function == Mapping.Function.COHERENT) {
      checker.report(checker.finding(FindingClass.SYNC_NOT_MAPPED,
          "device driver tries to sync DMA memory it has not allocated", call));
      throw new IllegalArgumentException("Cannot " + call + ": no streaming mapping covers it");
    }
    Mapping mapping = found.get();
    List<Finding> findings = new ArrayList<>();
    boolean inside = mapping.containsDma(dmaAddress, size);
    if (!inside) {
      findings.add(checker.finding(FindingClass.SYNC_OUTSIDE_RANGE, "device driver syncs DMA memory outside"
          + " allocated range [mapped " + mapping.size + " bytes at " + Hex.address(mapping.dmaAddress) + "]", call));
    }
    if (mapping.direction != DmaDirection.BIDIRECTIONAL) {
      if (forCpu && mapping.direction == DmaDirection.TO_DEVICE && direction != DmaDirection.TO_DEVICE) {
        findings.add(checker.finding(FindingClass.SYNC_FOR_CPU_OF_TO_DEVICE,
            "device driver syncs device read-only DMA memory for cpu", mapping.describe()));
      } else if (!forCpu && mapping.direction == DmaDirection.FROM_DEVICE && direction != DmaDirection.FROM_DEVICE) {
        findings.add(checker.finding(FindingClass.SYNC_FOR_DEVICE_OF_FROM_DEVICE,
            "device driver syncs device write-only DMA memory to device", mapping.describe()));
      } else if (mapping.direction != direction) {
        findings.add(checker.finding(FindingClass.SYNC_DIRECTION_MISMATCH, "device driver syncs DMA memory with"
            + " different direction [mapped " + mapping.direction + "] [synced " + direction + "]",
            mapping.describe()));
      }
    }
    checker.report(findings);
    if (!inside) {
      throw new IllegalArgumentException("Cannot " + call + ": it reaches outside the mapping of " + mapping.size
          + " bytes at " + Hex.address(mapping.dmaAddress));
    }
    long offset = dmaAddress - mapping.dmaAddress;
    if (mapping.bounce != null) {
      if (forCpu) {
        bounceBuffers.syncForCpu(mapping.bounce, offset, size, core(direction));
      } else {
        bounceBuffers.syncForDevice(mapping.bounce, offset, size, core(direction));
      }
    } else if (forCpu) {
      maintenance.forCpu(mapping.physicalAddress + offset, size, core(direction));
    } else {
      maintenance.forDevice(mapping.physicalAddress + offset, size, core(direction));
    }
    mapping.deviceOwns = !forCpu;
  }

  /** The physical address of {@code [cpuAddress, +size)}, or -1 when its pages are not contiguous. */
  private long contiguousPhysical(long cpuAddress, long size) {
    long physical = addressSpace.translate(cpuAddress).physicalAddress();
    long page = cpuAddress & -(long) PageTable.PAGE_SIZE;
    for (long next = page + PageTable.PAGE_SIZE; next < cpuAddress + size; next += PageTable.PAGE_SIZE) {
      if (addressSpace.translate(next).physicalAddress() != physical + (next - cpuAddress)) {
        return -1;
      }
    }
    return physical;
  }

  private static void requireDirection(DmaDirection direction) {
    if (direction == null) {
      throw new IllegalArgumentException("direction must be TO_DEVICE, FROM_DEVICE or BIDIRECTIONAL, not null");
    }
  }

  static org.dmasim.core.DmaDirection core(DmaDirection direction) {
    return org.dmasim.core.DmaDirection.valueOf(direction.name());
  }
}
