package org.dmasim.driver.api.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dmasim.core.Restorable;

/** The live mappings and coherent allocations of one device, by device address. */
final class MappingTable implements Restorable {
  private final TreeMap<Long, List<Mapping>> byDmaAddress = new TreeMap<>();
  /** {@link #live()}, built once per change: the CPU's debug check reads it at every access. */
  private List<Mapping> live = List.of();

  void add(Mapping mapping) {
    byDmaAddress.computeIfAbsent(mapping.dmaAddress, address -> new ArrayList<>()).add(mapping);
    live = null;
  }

  void remove(Mapping mapping) {
    live = null;
    List<Mapping> at = byDmaAddress.get(mapping.dmaAddress);
    if (at != null) {
      at.remove(mapping);
      if (at.isEmpty()) {
        byDmaAddress.remove(mapping.dmaAddress);
      }
    }
  }

  /** The newest live mapping that starts at {@code dmaAddress}. */
  Optional<Mapping> at(long dmaAddress) {
    List<Mapping> at = byDmaAddress.get(dmaAddress);
    return at == null || at.isEmpty() ? Optional.empty() : Optional.of(at.get(at.size() - 1));
  }

  /** The newest live mapping that overlaps {@code [dmaAddress, +size)}. */
  Optional<Mapping> overlapping(long dmaAddress, long size) {
    Map.Entry<Long, List<Mapping>> entry = byDmaAddress.floorEntry(dmaAddress);
    while (entry != null) {
      for (int i = entry.getValue().size() - 1; i >= 0; i--) {
        Mapping mapping = entry.getValue().get(i);
        if (mapping.overlapsDma(dmaAddress, size)) {
          return Optional.of(mapping);
        }
      }
      entry = byDmaAddress.lowerEntry(entry.getKey());
    }
    Map.Entry<Long, List<Mapping>> after = byDmaAddress.higherEntry(dmaAddress);
    if (after != null && after.getKey() < dmaAddress + size) {
      return Optional.of(after.getValue().get(after.getValue().size() - 1));
    }
    return Optional.empty();
  }

  boolean isEmpty() {
    return byDmaAddress.isEmpty();
  }

  /**
   * Saves the live mappings and the flags each one carries (error checked, owned by the device).
   * Restoring keeps the same mapping objects, so what the debug checker remembers of them holds.
   */
  @Override
  public Runnable checkpoint() {
    TreeMap<Long, List<Mapping>> saved = new TreeMap<>();
    byDmaAddress.forEach((address, at) -> saved.put(address, List.copyOf(at)));
    List<Mapping> savedLive = live();
    boolean[] errorChecked = new boolean[savedLive.size()];
    boolean[] deviceOwns = new boolean[savedLive.size()];
    for (int i = 0; i < savedLive.size(); i++) {
      errorChecked[i] = savedLive.get(i).errorChecked;
      deviceOwns[i] = savedLive.get(i).deviceOwns;
    }
    return () -> {
      byDmaAddress.clear();
      saved.forEach((address, at) -> byDmaAddress.put(address, new ArrayList<>(at)));
      for (int i = 0; i < savedLive.size(); i++) {
        savedLive.get(i).errorChecked = errorChecked[i];
        savedLive.get(i).deviceOwns = deviceOwns[i];
      }
      live = savedLive;
    };
  }

  /** Every live mapping, by device address, oldest first at one address; unmodifiable. */
  List<Mapping> live() {
    if (live == null) {
      List<Mapping> all = new ArrayList<>();
      byDmaAddress.values().forEach(all::addAll);
      live = List.copyOf(all);
    }
    return live;
  }
}
