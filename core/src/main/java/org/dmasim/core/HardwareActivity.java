package org.dmasim.core;

import jakarta.inject.Inject;

/**
 * What the hardware does between program steps without being asked: due device bursts
 * competing with the CPU for the bus, lines leaving the cache under outside pressure, and
 * speculative fills of lines around the last access. Every decision comes from the one
 * {@link ChoiceSource}.
 */
final class HardwareActivity implements Restorable {
  private final SimulatedTime time;
  private final SetAssociativeCache cache;
  private final PageTable pageTable;
  private final Tlb tlb;
  private final ChoiceSource choices;
  private final boolean speculates;
  private final int lineSize;
  private final long[] candidates = new long[3];
  /** The candidates last computed hold while the line, the cache's lines and the page table stay the same. */
  private int candidateCount;
  private long candidatesLine = -1;
  private long candidatesContent = -1;
  private long candidatesGeneration = -1;
  private long lastAccess;
  private boolean accessed;

  @Inject
  HardwareActivity(SimulatedTime time, SetAssociativeCache cache, PageTable pageTable, Tlb tlb, ChoiceSource choices,
      ArchitectureProfile profile) {
    this.time = time;
    this.cache = cache;
    this.pageTable = pageTable;
    this.tlb = tlb;
    this.choices = choices;
    this.speculates = profile.speculativeFills();
    this.lineSize = cache.geometry().lineSize();
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

  @Override
  public Runnable checkpoint() {
    long savedLastAccess = lastAccess;
    boolean savedAccessed = accessed;
    return () -> {
      lastAccess = savedLastAccess;
      accessed = savedAccessed;
      candidatesLine = -1;
      candidatesContent = -1;
      candidatesGeneration = -1;
    };
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
    int valid = cache.validLineCount();
    if (valid > 0 && choices.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2) == 1) {
      cache.evict(cache.validLine(choices.choose(ChoicePoint.EVICTION_VICTIM, valid)));
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
    long line = lastAccess & -(long) lineSize;
    long content = cache.contentVersion();
    long generation = pageTable.generation();
    if (line == candidatesLine && content == candidatesContent && generation == candidatesGeneration) {
      return candidateCount;
    }
    int count = 0;
    for (long virtualLine = line - lineSize; virtualLine <= line + lineSize; virtualLine += lineSize) {
      int entry = tlb.lookup(virtualLine);
      if (entry < 0 || !tlb.cacheable(entry)) {
        continue;
      }
      long physicalAddress = tlb.physicalAddress(entry, virtualLine);
      if (!cache.contains(physicalAddress)) {
        candidates[count++] = physicalAddress;
      }
    }
    candidatesLine = line;
    candidatesContent = content;
    candidatesGeneration = generation;
    candidateCount = count;
    return count;
  }
}
