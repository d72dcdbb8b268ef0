package org.dmasim.core;

import jakarta.inject.Inject;

/**
 * What the hardware does between program steps without being asked: due device bursts
 * competing with the CPU for the bus, lines leaving the cache under outside pressure, and
 * speculative fills of lines around the last access. Every decision comes from the one
 * {@link ChoiceSource}.
 */
final class HardwareActivity {
  private final SimulatedTime time;
  private final Cache cache;
  private final AddressSpace addressSpace;
  private final ChoiceSource choices;
  private final boolean speculates;
  private final long[] candidates = new long[3];
  private long lastAccess;
  private boolean accessed;

  @Inject
  HardwareActivity(SimulatedTime time, Cache cache, AddressSpace addressSpace, ChoiceSource choices,
      ArchitectureProfile profile) {
    this.time = time;
    this.cache = cache;
    this.addressSpace = addressSpace;
    this.choices = choices;
    this.speculates = profile.speculativeFills();
  }

  /** A CPU access to {@code virtualAddress} is about to happen. */
  void beforeCpuAccess(long virtualAddress) {
    while (time.eventDue() && choices.choose(ChoicePoint.BUS_ARBITRATION, 2) == 1) {
      time.runDueEvent();
    }
    spontaneous();
    lastAccess = virtualAddress;
    accessed = true;
  }

  /** A hash of what the hardware remembers between steps: the last access speculation works around. */
  long stateHash() {
    return accessed ? StateHash.mix(StateHash.SEED, lastAccess) : StateHash.SEED;
  }

  /** The CPU waits; the next device event runs after the hardware's own activity. */
  boolean idleStep() {
    if (!time.hasPendingEvents()) {
      return false;
    }
    spontaneous();
    return time.runNextEvent();
  }

  private void spontaneous() {
    long[] lines = cache.validLines();
    if (lines.length > 0 && choices.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2) == 1) {
      cache.evict(lines[choices.choose(ChoicePoint.EVICTION_VICTIM, lines.length)]);
    }
    if (speculates && accessed) {
      int count = speculationCandidates();
      if (count > 0 && choices.choose(ChoicePoint.SPECULATIVE_FILL, 2) == 1) {
        cache.speculativeFill(candidates[choices.choose(ChoicePoint.SPECULATIVE_FILL_TARGET, count)]);
      }
    }
  }

  /** Absent cacheable lines at, before and after the line of the last access (an adjacent-line prefetcher). */
  private int speculationCandidates() {
    int lineSize = cache.geometry().lineSize();
    long line = lastAccess & -(long) lineSize;
    int count = 0;
    for (long virtualLine = line - lineSize; virtualLine <= line + lineSize; virtualLine += lineSize) {
      Translation translation;
      try {
        translation = addressSpace.translate(virtualLine);
      } catch (AddressFault notMapped) {
        continue;
      }
      if (translation.attribute().cacheable() && !cache.contains(translation.physicalAddress())) {
        candidates[count++] = translation.physicalAddress();
      }
    }
    return count;
  }
}
