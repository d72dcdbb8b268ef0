package org.dmasim.driver.api.internal;

import org.dmasim.allocators.BounceMapping;
import org.dmasim.core.Hex;
import org.dmasim.driver.api.DmaDirection;

/** One live mapping or coherent allocation, as the DMA API and its debug checker track it. */
final class Mapping {
  /** The function that created it. */
  enum Function {
    SINGLE("single"), PAGE("page"), SG("scatter-gather"), COHERENT("coherent");

    final String label;

    Function(String label) {
      this.label = label;
    }
  }

  final Function function;
  final long cpuAddress;
  final long physicalAddress;
  final long dmaAddress;
  final long size;
  final DmaDirection direction;
  final BounceMapping bounce;
  final String location;
  boolean errorChecked;
  boolean deviceOwns = true;

  Mapping(Function function, long cpuAddress, long physicalAddress, long dmaAddress, long size,
      DmaDirection direction, BounceMapping bounce, String location) {
    this.function = function;
    this.cpuAddress = cpuAddress;
    this.physicalAddress = physicalAddress;
    this.dmaAddress = dmaAddress;
    this.size = size;
    this.direction = direction;
    this.bounce = bounce;
    this.location = location;
  }

  boolean containsDma(long address, long length) {
    return address >= dmaAddress && length >= 0 && address - dmaAddress + length <= size;
  }

  boolean overlapsDma(long address, long length) {
    return address < dmaAddress + size && dmaAddress < address + length;
  }

  String describe() {
    return "device address " + Hex.address(dmaAddress) + ", size " + size + ", " + direction + ", mapped as "
        + function.label + (bounce != null ? " (bounced)" : "") + " at " + location;
  }
}
