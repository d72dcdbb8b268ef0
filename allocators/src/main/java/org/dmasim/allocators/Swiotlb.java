package org.dmasim.allocators;

import jakarta.inject.Inject;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Cpu;
import org.dmasim.core.DmaDirection;
import org.dmasim.core.Hex;
import org.dmasim.core.Restorable;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.DmaMaintenance;

/**
 * kernel/dma/swiotlb.c over the slots of {@code [SWIOTLB_BASE, SWIOTLB_END)}: a mapping takes
 * the lowest run of free contiguous slots and starts at the first slot's start. Copies are
 * CPU loads and stores through the kernel's cached addresses of both buffers; maintenance
 * covers the bounce buffer only, copying before it for the device and after it for the CPU,
 * as dma-direct orders them.
 */
final class Swiotlb implements BounceBuffers, Restorable {
  private final ArchitectureProfile profile;
  private final AddressSpace addressSpace;
  private final Cpu cpu;
  private final DmaMaintenance maintenance;
  private final Kmalloc kmalloc;
  private final BitSet used = new BitSet(PhysicalLayout.SWIOTLB_SLOTS);
  private final Map<Long, BounceMapping> live = new HashMap<>();
  private long bytesCopied;

  @Inject
  Swiotlb(ArchitectureProfile profile, AddressSpace addressSpace, Cpu cpu, DmaMaintenance maintenance,
      Kmalloc kmalloc) {
    this.profile = PhysicalLayout.notNull(profile, "profile");
    this.addressSpace = PhysicalLayout.notNull(addressSpace, "addressSpace");
    this.cpu = PhysicalLayout.notNull(cpu, "cpu");
    this.maintenance = PhysicalLayout.notNull(maintenance, "maintenance");
    this.kmalloc = PhysicalLayout.notNull(kmalloc, "kmalloc");
  }

  @Override
  public boolean needsBounce(long size, DmaDirection direction) {
    PhysicalLayout.notNull(direction, "direction");
    if (size <= 0) {
      throw new IllegalArgumentException("Invalid mapping size " + size + ": must be > 0");
    }
    return profile.bouncesSmallKmallocBuffers()
        && !profile.dmaCoherent()
        && direction != DmaDirection.TO_DEVICE
        && size < 2L * profile.dmaAlignment()
        && kmalloc.sizeClassFor(size) % profile.dmaAlignment() != 0;
  }

  @Override
  public BounceMapping map(long originalPhysical, long size, DmaDirection direction) {
    PhysicalLayout.notNull(direction, "direction");
    String what = "Cannot bounce " + Hex.address(originalPhysical) + " + " + size + " (" + direction + ")";
    if (size <= 0) {
      throw new IllegalArgumentException(what + ": size must be > 0");
    }
    long slots = (size + SLOT_BYTES - 1) / SLOT_BYTES;
    if (slots > MAX_SLOTS_PER_MAPPING) {
      throw new IllegalArgumentException(what + ": needs " + slots + " slots, more than the "
          + MAX_SLOTS_PER_MAPPING + " one mapping may take (" + (long) MAX_SLOTS_PER_MAPPING * SLOT_BYTES
          + " bytes)");
    }
    long originalKernel = addressSpace.kernelAddress(originalPhysical);
    addressSpace.kernelAddress(originalPhysical + size - 1);
    int first = findFreeRun((int) slots);
    if (first < 0) {
      throw new IllegalStateException(what + ": no " + slots + " contiguous free slots among "
          + PhysicalLayout.SWIOTLB_SLOTS + " (" + used.cardinality() + " in use)");
    }
    long bounce = PhysicalLayout.SWIOTLB_BASE + (long) first * SLOT_BYTES;
    copy(originalKernel, addressSpace.kernelAddress(bounce), size);
    used.set(first, first + (int) slots);
    BounceMapping mapping = new BounceMapping(originalPhysical, bounce, size, direction, (int) slots);
    live.put(bounce, mapping);
    maintenance.forDevice(bounce, size, direction);
    return mapping;
  }

  @Override
  public void syncForDevice(BounceMapping mapping, long offset, long size, DmaDirection direction) {
    checkSync("sync_for_device", mapping, offset, size, direction);
    if (direction != DmaDirection.FROM_DEVICE) {
      copy(addressSpace.kernelAddress(mapping.originalPhysical() + offset),
          addressSpace.kernelAddress(mapping.bouncePhysical() + offset), size);
    }
    maintenance.forDevice(mapping.bouncePhysical() + offset, size, direction);
  }

  @Override
  public void syncForCpu(BounceMapping mapping, long offset, long size, DmaDirection direction) {
    checkSync("sync_for_cpu", mapping, offset, size, direction);
    toCpu(mapping, offset, size, direction);
  }

  @Override
  public void unmap(BounceMapping mapping) {
    checkLive("unmap", mapping);
    toCpu(mapping, 0, mapping.size(), mapping.direction());
    int first = (int) ((mapping.bouncePhysical() - PhysicalLayout.SWIOTLB_BASE) / SLOT_BYTES);
    used.clear(first, first + mapping.slots());
    live.remove(mapping.bouncePhysical());
  }

  @Override
  public int slotsInUse() {
    return used.cardinality();
  }

  @Override
  public long bytesCopied() {
    return bytesCopied;
  }

  /** Saves the slots in use, the live mappings and the bytes copied; the slots' contents are memory's. */
  @Override
  public Runnable checkpoint() {
    BitSet savedUsed = (BitSet) used.clone();
    Map<Long, BounceMapping> savedLive = new HashMap<>(live);
    long savedBytesCopied = bytesCopied;
    return () -> {
      used.clear();
      used.or(savedUsed);
      live.clear();
      live.putAll(savedLive);
      bytesCopied = savedBytesCopied;
    };
  }

  private void toCpu(BounceMapping mapping, long offset, long size, DmaDirection direction) {
    maintenance.forCpu(mapping.bouncePhysical() + offset, size, direction);
    if (direction != DmaDirection.TO_DEVICE) {
      copy(addressSpace.kernelAddress(mapping.bouncePhysical() + offset),
          addressSpace.kernelAddress(mapping.originalPhysical() + offset), size);
    }
  }

  private void copy(long fromVirtual, long toVirtual, long size) {
    cpu.write(toVirtual, cpu.read(fromVirtual, (int) size));
    bytesCopied += size;
  }

  private int findFreeRun(int slots) {
    int start = used.nextClearBit(0);
    while (start + slots <= PhysicalLayout.SWIOTLB_SLOTS) {
      int nextUsed = used.nextSetBit(start);
      if (nextUsed < 0 || nextUsed >= start + slots) {
        return start;
      }
      start = used.nextClearBit(nextUsed);
    }
    return -1;
  }

  private void checkSync(String operation, BounceMapping mapping, long offset, long size, DmaDirection direction) {
    checkLive(operation, mapping);
    PhysicalLayout.notNull(direction, "direction");
    if (offset < 0 || size <= 0 || offset + size > mapping.size()) {
      throw new IllegalArgumentException("Cannot " + operation + " [" + offset + ", " + (offset + size)
          + ") of the bounce mapping of " + Hex.address(mapping.originalPhysical()) + ": outside its "
          + mapping.size() + " bytes");
    }
  }

  private void checkLive(String operation, BounceMapping mapping) {
    PhysicalLayout.notNull(mapping, "mapping");
    if (!mapping.equals(live.get(mapping.bouncePhysical()))) {
      throw new IllegalArgumentException("Cannot " + operation + " the bounce mapping of "
          + Hex.address(mapping.originalPhysical()) + " at " + Hex.address(mapping.bouncePhysical()) + " ("
          + mapping.size() + " bytes, " + mapping.direction() + "): not a live bounce mapping (never mapped, or"
          + " already unmapped)");
    }
  }
}
