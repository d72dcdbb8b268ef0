package org.dmasim.core;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Virtual-to-physical mappings at {@value #PAGE_SIZE}-byte pages, each with a memory attribute.
 * Large linear regions (a kernel's direct map) are held as one range; changing the attribute
 * of a page inside one gives that page an entry of its own. Every attribute change is traced.
 */
public final class PageTable implements Restorable {
  /** Bytes per page. */
  public static final int PAGE_SIZE = 4096;

  private record Entry(long physicalPage, PageAttribute attribute) {}

  private record Region(long virtualBase, long physicalBase, long length, PageAttribute attribute) {
    boolean covers(long virtualAddress) {
      return virtualAddress - virtualBase >= 0 && virtualAddress - virtualBase < length;
    }
  }

  private final EventTrace trace;
  private final Map<Long, Entry> pages = new HashMap<>();
  private final List<Region> regions = new ArrayList<>();
  /** Counts changes of mappings and attributes, so that kept translations (a TLB) know when to go. */
  private long generation;

  @Inject
  PageTable(EventTrace trace) {
    this.trace = trace;
  }

  /** Maps {@code length} bytes (whole pages) at {@code virtualAddress} to {@code physicalAddress}. */
  public void map(long virtualAddress, long physicalAddress, long length, PageAttribute attribute) {
    checkPageRange(virtualAddress, physicalAddress, length);
    for (long offset = 0; offset < length; offset += PAGE_SIZE) {
      if (lookup(virtualAddress + offset) != null) {
        throw new IllegalArgumentException("Virtual page " + Hex.address(virtualAddress + offset) + " is already mapped");
      }
    }
    for (long offset = 0; offset < length; offset += PAGE_SIZE) {
      pages.put((virtualAddress + offset) / PAGE_SIZE, new Entry((physicalAddress + offset) / PAGE_SIZE, attribute));
    }
    generation++;
  }

  /** Maps a linear region of whole pages, such as a kernel's direct map of all memory. */
  public void mapRegion(long virtualAddress, long physicalAddress, long length, PageAttribute attribute) {
    checkPageRange(virtualAddress, physicalAddress, length);
    regions.add(new Region(virtualAddress, physicalAddress, length, attribute));
    generation++;
  }

  /** Removes the pages of {@code [virtualAddress, virtualAddress + length)} mapped with {@link #map}. */
  public void unmap(long virtualAddress, long length) {
    checkPageRange(virtualAddress, 0, length);
    for (long offset = 0; offset < length; offset += PAGE_SIZE) {
      if (!pages.containsKey((virtualAddress + offset) / PAGE_SIZE)) {
        throw new IllegalArgumentException("Virtual page " + Hex.address(virtualAddress + offset) + " is not mapped");
      }
    }
    for (long offset = 0; offset < length; offset += PAGE_SIZE) {
      pages.remove((virtualAddress + offset) / PAGE_SIZE);
    }
    generation++;
  }

  /**
   * Changes the attribute of every page that {@code [virtualAddress, virtualAddress + length)}
   * touches. Checks every page first: on a fault nothing changes.
   */
  public void setAttribute(long virtualAddress, long length, PageAttribute attribute) {
    if (length <= 0) {
      throw new IllegalArgumentException("length must be > 0, was " + length);
    }
    long first = Math.floorDiv(virtualAddress, PAGE_SIZE) * PAGE_SIZE;
    for (long page = first; page - virtualAddress < length; page += PAGE_SIZE) {
      translate(page);
    }
    generation++;
    for (long page = first; page - virtualAddress < length; page += PAGE_SIZE) {
      Translation current = translate(page);
      pages.put(page / PAGE_SIZE, new Entry(current.physicalAddress() / PAGE_SIZE, attribute));
      if (trace.enabled()) {
        trace.record(TraceEvent.Kind.ATTRIBUTE_CHANGE, page, -1, null,
            "page " + current.attribute() + " -> " + attribute);
      }
    }
  }

  /** Translates {@code virtualAddress}, or throws an {@link AddressFault} naming it. */
  public Translation translate(long virtualAddress) {
    Translation translation = lookup(virtualAddress);
    if (translation == null) {
      throw new AddressFault(virtualAddress, "Address " + Hex.address(virtualAddress)
          + " is not mapped: " + describeMappings());
    }
    return translation;
  }

  /** The translation of {@code virtualAddress}, or null when it is not mapped. */
  public Translation lookup(long virtualAddress) {
    Entry entry = pages.get(Math.floorDiv(virtualAddress, PAGE_SIZE));
    long inPage = Math.floorMod(virtualAddress, PAGE_SIZE);
    if (entry != null) {
      return new Translation(virtualAddress, entry.physicalPage * PAGE_SIZE + inPage, entry.attribute);
    }
    for (Region region : regions) {
      if (region.covers(virtualAddress)) {
        return new Translation(virtualAddress, region.physicalBase + (virtualAddress - region.virtualBase),
            region.attribute);
      }
    }
    return null;
  }

  /**
   * Saves the mappings and attributes. Restoring them counts as a change: the generation moves
   * on (never back), so that every kept translation goes.
   */
  @Override
  public Runnable checkpoint() {
    Map<Long, Entry> savedPages = new HashMap<>(pages);
    List<Region> savedRegions = List.copyOf(regions);
    return () -> {
      pages.clear();
      pages.putAll(savedPages);
      regions.clear();
      regions.addAll(savedRegions);
      generation++;
    };
  }

  /** A number that changes whenever a mapping or an attribute does. */
  long generation() {
    return generation;
  }

  /** A hash of the single-page entries (attribute changes and aliases); regions never change. */
  long stateHash() {
    long hash = 0;
    for (Map.Entry<Long, Entry> page : pages.entrySet()) {
      hash += StateHash.mix(StateHash.mix(StateHash.mix(StateHash.SEED, page.getKey()), page.getValue().physicalPage),
          page.getValue().attribute.ordinal());
    }
    return StateHash.finish(hash);
  }

  private String describeMappings() {
    StringBuilder text = new StringBuilder();
    for (Region region : regions) {
      text.append(text.length() == 0 ? "mapped are " : ", ").append("[").append(Hex.address(region.virtualBase))
          .append(", ").append(Hex.address(region.virtualBase + region.length)).append(")");
    }
    text.append(text.length() == 0 ? "" : " and ").append(pages.size()).append(" single pages");
    return text.toString();
  }

  private static void checkPageRange(long virtualAddress, long physicalAddress, long length) {
    if (virtualAddress % PAGE_SIZE != 0 || physicalAddress % PAGE_SIZE != 0) {
      throw new IllegalArgumentException("Addresses " + Hex.address(virtualAddress) + " and "
          + Hex.address(physicalAddress) + " must be page-aligned (" + PAGE_SIZE + " bytes)");
    }
    if (length <= 0 || length % PAGE_SIZE != 0) {
      throw new IllegalArgumentException("Invalid mapping length " + length + ": must be a positive multiple of "
          + PAGE_SIZE);
    }
  }
}
