package org.dmasim.driver.api.internal;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmasim.core.Hex;
import org.dmasim.core.Restorable;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.driver.api.DmaDebug;
import org.dmasim.driver.api.DmaDebugException;
import org.dmasim.driver.api.Finding;
import org.dmasim.driver.api.FindingClass;
import org.dmasim.driver.api.Target;

/**
 * The DMA-API debug checker (kernel/dma/debug.c): records findings, tracks the first cache
 * line of every device-writable mapping ("cacheline tracking EEXIST", more than 7 overlaps),
 * and, beyond Linux, watches CPU accesses against mappings the device owns.
 */
final class DebugChecker implements DmaDebug, Restorable {
  /** debug.c's ACTIVE_CACHELINE_MAX_OVERLAP. */
  static final int MAX_OVERLAP = 7;

  /** A CPU touch of a mapping already reported: one finding per class and mapping object. */
  private record Touch(FindingClass findingClass, Mapping mapping) {}

  private final DebugOptions options;
  private final Target target;
  private final boolean bouncesSmallBuffers;
  private final List<Finding> findings = new ArrayList<>();
  private final Map<Long, Integer> activeCachelines = new HashMap<>();
  private final Set<Touch> reportedTouches = new HashSet<>();

  @Inject
  DebugChecker(DebugOptions options, Target target, org.dmasim.core.ArchitectureProfile profile) {
    this.options = options;
    this.target = target;
    this.bouncesSmallBuffers = profile.bouncesSmallKmallocBuffers();
  }

  @Override
  public boolean enabled() {
    return options.enabled();
  }

  @Override
  public boolean strict() {
    return options.strict();
  }

  @Override
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  Finding finding(FindingClass findingClass, String message, String mapping) {
    return new Finding(findingClass, message, mapping, CallSite.find());
  }

  /** Records the findings of one call; in strict mode throws the first, before the call has any effect. */
  void report(List<Finding> callFindings) {
    if (!options.enabled() || callFindings.isEmpty()) {
      return;
    }
    findings.addAll(callFindings);
    if (options.strict()) {
      throw new DmaDebugException(callFindings.get(0));
    }
  }

  void report(Finding finding) {
    report(List.of(finding));
  }

  /** The findings a new device-writable mapping causes in cache-line tracking (checked before it is made). */
  List<Finding> checkCachelines(long physicalAddress, org.dmasim.driver.api.DmaDirection direction, String mapping) {
    if (!options.enabled() || !direction.deviceWrites()) {
      return List.of();
    }
    long line = cacheline(physicalAddress);
    int overlap = activeCachelines.getOrDefault(line, -1) + 1;
    List<Finding> result = new ArrayList<>();
    if (overlap > 0 && !target.dmaCoherent() && !bouncesSmallBuffers) {
      result.add(finding(FindingClass.EEXIST_OVERLAP, "cacheline tracking EEXIST, overlapping mappings aren't"
          + " supported (cache line " + Hex.address(line) + ")", mapping));
    }
    if (overlap > MAX_OVERLAP) {
      result.add(finding(FindingClass.TOO_MANY_OVERLAPS, "exceeded " + MAX_OVERLAP
          + " overlapping mappings of cacheline " + Hex.address(line), mapping));
    }
    return result;
  }

  void mapped(Mapping mapping) {
    if (mapping.direction.deviceWrites() && mapping.function != Mapping.Function.COHERENT) {
      activeCachelines.merge(cacheline(mapping.physicalAddress), 0, (old, ignored) -> old + 1);
    }
  }

  void unmapped(Mapping mapping) {
    if (mapping.direction.deviceWrites() && mapping.function != Mapping.Function.COHERENT) {
      long line = cacheline(mapping.physicalAddress);
      activeCachelines.computeIfPresent(line, (key, overlap) -> overlap == 0 ? null : overlap - 1);
    }
  }

  /** A CPU access to physical {@code [address, +length)}: checks it against mappings the device owns. */
  void cpuAccess(long physicalAddress, long length, boolean write, List<Mapping> live) {
    if (!options.enabled()) {
      return;
    }
    List<Finding> result = null;
    long lineSize = target.cacheLineSize();
    for (int i = 0; i < live.size(); i++) {
      Mapping mapping = live.get(i);
      if (!mapping.deviceOwns || mapping.function == Mapping.Function.COHERENT) {
        continue;
      }
      boolean overlapsBuffer = physicalAddress < mapping.physicalAddress + mapping.size
          && mapping.physicalAddress < physicalAddress + length;
      if (overlapsBuffer) {
        result = touched(result, mapping, FindingClass.CPU_TOUCHED_DEVICE_BUFFER, (write ? "CPU wrote" : "CPU read")
            + " bytes of a buffer the device owns");
      } else if (write && mapping.direction.deviceWrites()) {
        long firstLine = mapping.physicalAddress & -lineSize;
        long lastLine = (mapping.physicalAddress + mapping.size - 1) & -lineSize;
        long accessFirst = physicalAddress & -lineSize;
        long accessLast = (physicalAddress + length - 1) & -lineSize;
        if (accessFirst <= lastLine && firstLine <= accessLast) {
          result = touched(result, mapping, FindingClass.CPU_TOUCHED_DEVICE_LINE, "CPU wrote "
              + Hex.address(physicalAddress) + ", which shares a " + lineSize
              + "-byte cache line with a buffer the device may write");
        }
      }
    }
    if (result != null) {
      report(result);
    }
  }

  /** Saves the findings, the cache-line overlaps and the touches already reported. */
  @Override
  public Runnable checkpoint() {
    List<Finding> savedFindings = List.copyOf(findings);
    Map<Long, Integer> savedCachelines = new HashMap<>(activeCachelines);
    Set<Touch> savedTouches = new HashSet<>(reportedTouches);
    return () -> {
      findings.clear();
      findings.addAll(savedFindings);
      activeCachelines.clear();
      activeCachelines.putAll(savedCachelines);
      reportedTouches.clear();
      reportedTouches.addAll(savedTouches);
    };
  }

  /** The driver goes away: every live mapping is a leak. */
  void driverRemoved(Collection<Mapping> live) {
    List<Finding> result = new ArrayList<>();
    for (Mapping mapping : live) {
      result.add(finding(FindingClass.LEAKED_AT_REMOVE, "DMA-API: device driver has pending DMA allocations while"
          + " released from device", mapping.describe()));
    }
    report(result);
  }

  private List<Finding> touched(List<Finding> result, Mapping mapping, FindingClass findingClass, String message) {
    if (!reportedTouches.add(new Touch(findingClass, mapping))) {
      return result;
    }
    List<Finding> findings = result == null ? new ArrayList<>() : result;
    findings.add(finding(findingClass, message, mapping.describe()));
    return findings;
  }


  private long cacheline(long physicalAddress) {
    return physicalAddress & -(long) target.l1CacheBytes();
  }

}
