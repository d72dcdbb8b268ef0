package org.dmasim.core;

import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * The one cache implementation: flat arrays of line numbers, dirty bits, age stamps and data,
 * so that the hit path allocates nothing.
 */
final class SetAssociativeCache implements Cache, Restorable {
  private static final long INVALID = -1;

  private final CacheGeometry geometry;
  private final PhysicalMemory memory;
  private final SimulatedTime time;
  private final CostModel costs;
  private final CostCounters counters;
  private final EventTrace trace;
  private final ChoiceSource choices;

  private final int lineSize;
  private final int lineShift;
  private final int ways;
  private final int setMask;
  private final long[] lineNumbers;
  private final boolean[] dirty;
  private final long[] stamps;
  private final byte[] data;
  /** Valid lines per set, and in all: spontaneous eviction asks for them at every CPU step. */
  private final int[] validInSet;
  private int validCount;
  /** Changes whenever a line enters or leaves: what was absent is still absent while it stays. */
  private long contentVersion;
  private final boolean lru;
  private final boolean random;
  private final boolean writeThrough;
  private final boolean writeAllocate;
  private final long hitCycles;
  private final long missCycles;
  private long clock;
  /**
   * The state hash is kept per set; a set's hash is recomputed only when the set changed since
   * the last hash. Restoring a checkpoint puts back only the sets changed since it.
   */
  private boolean hashing;
  private long[] setHashes;
  private long hashSum;
  private final ChangedSets changedSinceHash;
  private int checkpoints;
  private final ChangedSets changedSinceCheckpoint;

  @Inject
  SetAssociativeCache(CacheGeometry geometry, PhysicalMemory memory, SimulatedTime time, CostModel costs,
      CostCounters counters, EventTrace trace, ChoiceSource choices) {
    this.geometry = geometry;
    this.memory = memory;
    this.time = time;
    this.costs = costs;
    this.counters = counters;
    this.trace = trace;
    this.choices = choices;
    this.lineSize = geometry.lineSize();
    this.lineShift = Integer.numberOfTrailingZeros(lineSize);
    this.ways = geometry.ways();
    this.setMask = geometry.sets() - 1;
    int lines = geometry.sets() * ways;
    this.lineNumbers = new long[lines];
    Arrays.fill(lineNumbers, INVALID);
    this.dirty = new boolean[lines];
    this.stamps = new long[lines];
    this.data = new byte[lines * lineSize];
    this.validInSet = new int[geometry.sets()];
    this.lru = geometry.replacement() == ReplacementPolicy.LRU;
    this.random = geometry.replacement() == ReplacementPolicy.RANDOM;
    this.writeThrough = geometry.writePolicy() == WritePolicy.WRITE_THROUGH;
    this.writeAllocate = geometry.writeAllocate();
    this.hitCycles = costs.hitCycles();
    this.missCycles = costs.missCycles();
    this.changedSinceHash = new ChangedSets(geometry.sets());
    this.changedSinceCheckpoint = new ChangedSets(geometry.sets());
  }

  @Override
  public CacheGeometry geometry() {
    return geometry;
  }

  @Override
  public long load(long physicalAddress, int size) {
    checkSize(size);
    int inLine = (int) (physicalAddress & (lineSize - 1));
    if (inLine + size > lineSize) {
      byte[] bytes = new byte[size];
      read(physicalAddress, bytes, 0, size);
      return LittleEndian.get(bytes, 0, size);
    }
    int slot = lookupForAccess(physicalAddress >>> lineShift);
    long value = LittleEndian.get(data, slot * lineSize + inLine, size);
    if (trace.enabled()) {
      trace.record(TraceEvent.Kind.CPU_LOAD, physicalAddress, physicalAddress & -(long) lineSize,
          Arrays.copyOfRange(data, slot * lineSize + inLine, slot * lineSize + inLine + size), "cached");
    }
    return value;
  }

  @Override
  public void store(long physicalAddress, int size, long value) {
    checkSize(size);
    int inLine = (int) (physicalAddress & (lineSize - 1));
    if (inLine + size > lineSize) {
      byte[] bytes = new byte[size];
      LittleEndian.put(bytes, 0, size, value);
      write(physicalAddress, bytes, 0, size);
      return;
    }
    long lineNumber = physicalAddress >>> lineShift;
    int slot = writeAllocate ? lookupForAccess(lineNumber) : lookupNoAllocate(lineNumber);
    if (slot >= 0) {
      LittleEndian.put(data, slot * lineSize + inLine, size, value);
      if (!writeThrough) {
        dirty[slot] = true;
      }
    }
    if (writeThrough || slot < 0) {
      memory.writeValue(physicalAddress, size, value);
    }
    if (trace.enabled()) {
      byte[] bytes = new byte[size];
      LittleEndian.put(bytes, 0, size, value);
      trace.record(TraceEvent.Kind.CPU_STORE, physicalAddress, physicalAddress & -(long) lineSize, bytes,
          slot < 0 ? "no-write-allocate: to memory" : writeThrough ? "cached, written through" : "cached, line dirty");
    }
  }

  @Override
  public void read(long physicalAddress, byte[] destination, int offset, int length) {
    long at = physicalAddress;
    int done = 0;
    while (done < length) {
      int inLine = (int) (at & (lineSize - 1));
      int chunk = Math.min(length - done, lineSize - inLine);
      int slot = lookupForAccess(at >>> lineShift);
      System.arraycopy(data, slot * lineSize + inLine, destination, offset + done, chunk);
      if (trace.enabled()) {
        trace.record(TraceEvent.Kind.CPU_LOAD, at, at & -(long) lineSize,
            Arrays.copyOfRange(destination, offset + done, offset + done + chunk), "cached");
      }
      done += chunk;
      at += chunk;
    }
  }

  @Override
  public void write(long physicalAddress, byte[] source, int offset, int length) {
    long at = physicalAddress;
    int done = 0;
    while (done < length) {
      int inLine = (int) (at & (lineSize - 1));
      int chunk = Math.min(length - done, lineSize - inLine);
      long lineNumber = at >>> lineShift;
      int slot = writeAllocate ? lookupForAccess(lineNumber) : lookupNoAllocate(lineNumber);
      if (slot >= 0) {
        System.arraycopy(source, offset + done, data, slot * lineSize + inLine, chunk);
        if (!writeThrough) {
          dirty[slot] = true;
        }
      }
      if (writeThrough || slot < 0) {
        memory.write(at, source, offset + done, chunk);
      }
      if (trace.enabled()) {
        trace.record(TraceEvent.Kind.CPU_STORE, at, at & -(long) lineSize,
            Arrays.copyOfRange(source, offset + done, offset + done + chunk),
            slot < 0 ? "no-write-allocate: to memory" : writeThrough ? "cached, written through" : "cached, line dirty");
      }
      done += chunk;
      at += chunk;
    }
  }

  @Override
  public void clean(long physicalAddress) {
    maintain(physicalAddress >>> lineShift, true, false);
  }

  @Override
  public void invalidate(long physicalAddress) {
    maintain(physicalAddress >>> lineShift, false, true);
  }

  @Override
  public void cleanInvalidate(long physicalAddress) {
    maintain(physicalAddress >>> lineShift, true, true);
  }

  @Override
  public void cleanRange(long physicalAddress, long length) {
    maintainRange(physicalAddress, length, true, false);
  }

  @Override
  public void invalidateRange(long physicalAddress, long length) {
    maintainRange(physicalAddress, length, false, true);
  }

  @Override
  public void cleanInvalidateRange(long physicalAddress, long length) {
    maintainRange(physicalAddress, length, true, true);
  }

  @Override
  public boolean speculativeFill(long physicalAddress) {
    long lineNumber = physicalAddress >>> lineShift;
    if (find(lineNumber) >= 0) {
      return false;
    }
    int slot = fill(lineNumber, TraceEvent.Kind.SPECULATIVE_FILL);
    stamps[slot] = ++clock;
    counters.speculativeFill();
    return true;
  }

  @Override
  public void evict(long lineAddress) {
    int slot = find(lineAddress >>> lineShift);
    if (slot >= 0) {
      evictSlot(slot, "spontaneous");
    }
  }

  @Override
  public boolean contains(long physicalAddress) {
    return find(physicalAddress >>> lineShift) >= 0;
  }

  @Override
  public int validLineCount() {
    return validCount;
  }

  @Override
  public long validLine(int index) {
    if (index < 0 || index >= validCount) {
      throw new IndexOutOfBoundsException("Valid line " + index + " of " + validCount);
    }
    int set = 0;
    int before = 0;
    while (before + validInSet[set] <= index) {
      before += validInSet[set];
      set++;
    }
    int base = set * ways;
    for (int way = 0; way < ways; way++) {
      if (lineNumbers[base + way] != INVALID && before++ == index) {
        return lineNumbers[base + way] << lineShift;
      }
    }
    throw new IllegalStateException("valid-line counts disagree with the lines of set " + set);
  }

  /**
   * Saves the lines, their bytes, dirty bits and replacement order. Restoring puts back the sets
   * changed since (every set when this is no longer the newest checkpoint) and counts as a change
   * of content: the content version moves on (never back).
   */
  @Override
  public Runnable checkpoint() {
    int epoch = ++checkpoints;
    long[] savedLineNumbers = lineNumbers.clone();
    boolean[] savedDirty = dirty.clone();
    long[] savedStamps = stamps.clone();
    int[] savedValidInSet = validInSet.clone();
    byte[] savedData = data.clone();
    int savedValidCount = validCount;
    long savedClock = clock;
    changedSinceCheckpoint.clear();
    return () -> {
      boolean newest = epoch == checkpoints;
      checkpoints = epoch;
      int count = newest ? changedSinceCheckpoint.count : validInSet.length;
      for (int i = 0; i < count; i++) {
        int set = newest ? changedSinceCheckpoint.sets[i] : i;
        int base = set * ways;
        System.arraycopy(savedLineNumbers, base, lineNumbers, base, ways);
        System.arraycopy(savedDirty, base, dirty, base, ways);
        System.arraycopy(savedStamps, base, stamps, base, ways);
        System.arraycopy(savedData, base * lineSize, data, base * lineSize, ways * lineSize);
        validInSet[set] = savedValidInSet[set];
        if (hashing) {
          changedSinceHash.add(set);
        }
      }
      changedSinceCheckpoint.clear();
      validCount = savedValidCount;
      clock = savedClock;
      contentVersion++;
    };
  }

  /** Notes that {@code slot}'s set changed (a line, its bytes, its dirty bit or its age). */
  private void changed(int slot) {
    if (hashing || checkpoints > 0) {
      int set = slot / ways;
      if (hashing) {
        changedSinceHash.add(set);
      }
      if (checkpoints > 0) {
        changedSinceCheckpoint.add(set);
      }
    }
  }

  /** Set numbers in the order they changed, each once. */
  private static final class ChangedSets {
    private final int[] sets;
    private final boolean[] member;
    private int count;

    ChangedSets(int setCount) {
      sets = new int[setCount];
      member = new boolean[setCount];
    }

    void add(int set) {
      if (!member[set]) {
        member[set] = true;
        sets[count++] = set;
      }
    }

    void clear() {
      for (int i = 0; i < count; i++) {
        member[sets[i]] = false;
      }
      count = 0;
    }
  }

  /** A number that changes whenever a line enters or leaves the cache. */
  long contentVersion() {
    return contentVersion;
  }

  @Override
  public long[] validLines() {
    int count = validCount;
    long[] lines = new long[count];
    int next = 0;
    for (long number : lineNumbers) {
      if (number != INVALID) {
        lines[next++] = number << lineShift;
      }
    }
    return lines;
  }

  @Override
  public void snoopDeviceRead(long physicalAddress, int length) {
    snoop(physicalAddress, length, false);
  }

  @Override
  public void snoopDeviceWrite(long physicalAddress, int length) {
    snoop(physicalAddress, length, true);
  }

  @Override
  public LineState lineState(long physicalAddress) {
    long lineNumber = physicalAddress >>> lineShift;
    int slot = find(lineNumber);
    if (slot < 0) {
      return new LineState(lineNumber << lineShift, false, false, new byte[0]);
    }
    return new LineState(lineNumber << lineShift, true, dirty[slot], lineBytes(slot));
  }

  @Override
  public long stateHash() {
    if (!hashing) {
      hashing = true;
      setHashes = new long[validInSet.length];
      for (int set = 0; set < validInSet.length; set++) {
        changedSinceHash.add(set);
      }
    }
    for (int i = 0; i < changedSinceHash.count; i++) {
      int set = changedSinceHash.sets[i];
      long now = setHash(set);
      hashSum += now - setHashes[set];
      setHashes[set] = now;
    }
    changedSinceHash.clear();
    return StateHash.finish(hashSum);
  }

  /** One set's part of the hash: its lines by way, with their dirty bits, ages in the set, and bytes. */
  private long setHash(int set) {
    if (validInSet[set] == 0) {
      return 0;
    }
    int base = set * ways;
    long hash = StateHash.mix(StateHash.SEED, set);
    for (int slot = base; slot < base + ways; slot++) {
      if (lineNumbers[slot] == INVALID) {
        continue;
      }
      int rank = 0;
      for (int way = base; way < base + ways; way++) {
        if (lineNumbers[way] != INVALID && stamps[way] < stamps[slot]) {
          rank++;
        }
      }
      hash = StateHash.mix(hash, slot);
      hash = StateHash.mix(hash, lineNumbers[slot]);
      hash = StateHash.mix(hash, (dirty[slot] ? 1 : 0) + 2L * rank);
      hash = StateHash.mix(hash, data, slot * lineSize, lineSize);
    }
    return hash;
  }

  private void snoop(long physicalAddress, int length, boolean deviceWrites) {
    if (length <= 0) {
      return;
    }
    long first = physicalAddress >>> lineShift;
    long last = (physicalAddress + length - 1) >>> lineShift;
    for (long lineNumber = first; lineNumber <= last; lineNumber++) {
      int slot = find(lineNumber);
      if (slot < 0) {
        continue;
      }
      boolean wasDirty = dirty[slot];
      if (wasDirty) {
        writeBack(slot);
      }
      if (deviceWrites) {
        drop(slot);
      }
      if (trace.enabled()) {
        trace.record(TraceEvent.Kind.SNOOP, lineNumber << lineShift, lineNumber << lineShift, null,
            (deviceWrites ? "device write: " : "device read: ")
                + (wasDirty ? "dirty data written back" : "clean") + (deviceWrites ? ", copy dropped" : ""));
      }
    }
  }

  private void maintainRange(long physicalAddress, long length, boolean clean, boolean invalidate) {
    if (length <= 0) {
      return;
    }
    long first = physicalAddress >>> lineShift;
    long last = (physicalAddress + length - 1) >>> lineShift;
    for (long lineNumber = first; lineNumber <= last; lineNumber++) {
      maintain(lineNumber, clean, invalidate);
    }
  }

  private void maintain(long lineNumber, boolean clean, boolean invalidate) {
    counters.maintenanceOperation();
    time.advance(costs.maintenancePerLineCycles());
    int slot = find(lineNumber);
    String operation = clean ? invalidate ? "clean+invalidate" : "clean" : "invalidate";
    if (slot < 0) {
      if (trace.enabled()) {
        trace.record(TraceEvent.Kind.MAINTENANCE, lineNumber << lineShift, lineNumber << lineShift, null,
            operation + ": line not present");
      }
      return;
    }
    boolean wasDirty = dirty[slot];
    if (trace.enabled()) {
      String effect = !wasDirty ? "clean line"
          : clean ? "dirty line written back" : "dirty line DISCARDED without write-back";
      trace.record(TraceEvent.Kind.MAINTENANCE, lineNumber << lineShift, lineNumber << lineShift,
          lineBytes(slot), operation + ": " + effect + (invalidate ? ", line dropped" : ""));
    }
    if (clean && wasDirty) {
      writeBack(slot);
    }
    if (invalidate) {
      drop(slot);
    }
  }

  /** Finds or fills the line for a CPU access and charges a hit or a miss. */
  private int lookupForAccess(long lineNumber) {
    int slot = find(lineNumber);
    if (slot >= 0) {
      changed(slot);
      counters.hit();
      time.advance(hitCycles);
      if (lru) {
        stamps[slot] = ++clock;
      }
      return slot;
    }
    counters.miss();
    time.advance(missCycles);
    slot = fill(lineNumber, TraceEvent.Kind.FILL);
    stamps[slot] = ++clock;
    return slot;
  }

  private int lookupNoAllocate(long lineNumber) {
    int slot = find(lineNumber);
    if (slot >= 0) {
      changed(slot);
      counters.hit();
      time.advance(hitCycles);
      if (lru) {
        stamps[slot] = ++clock;
      }
    } else {
      counters.miss();
      time.advance(missCycles);
    }
    return slot;
  }

  private int find(long lineNumber) {
    int base = (int) (lineNumber & setMask) * ways;
    for (int way = 0; way < ways; way++) {
      if (lineNumbers[base + way] == lineNumber) {
        return base + way;
      }
    }
    return -1;
  }

  private int fill(long lineNumber, TraceEvent.Kind kind) {
    int set = (int) (lineNumber & setMask);
    int slot = victim(set, set * ways);
    if (lineNumbers[slot] != INVALID) {
      evictSlot(slot, "replaced");
    }
    changed(slot);
    lineNumbers[slot] = lineNumber;
    dirty[slot] = false;
    validInSet[(int) (lineNumber & setMask)]++;
    validCount++;
    contentVersion++;
    memory.read(lineNumber << lineShift, data, slot * lineSize, lineSize);
    if (trace.enabled()) {
      trace.record(kind, lineNumber << lineShift, lineNumber << lineShift, lineBytes(slot), "from memory");
    }
    return slot;
  }

  private int victim(int set, int base) {
    if (validInSet[set] < ways) {
      for (int way = 0; way < ways; way++) {
        if (lineNumbers[base + way] == INVALID) {
          return base + way;
        }
      }
    }
    if (random) {
      return base + choices.choose(ChoicePoint.REPLACEMENT_VICTIM, ways);
    }
    int oldest = base;
    long oldestStamp = stamps[base];
    for (int slot = base + 1; slot < base + ways; slot++) {
      long stamp = stamps[slot];
      if (stamp < oldestStamp) {
        oldest = slot;
        oldestStamp = stamp;
      }
    }
    return oldest;
  }

  private void evictSlot(int slot, String why) {
    counters.eviction();
    if (trace.enabled()) {
      trace.record(TraceEvent.Kind.EVICTION, lineNumbers[slot] << lineShift, lineNumbers[slot] << lineShift,
          lineBytes(slot), why + (dirty[slot] ? ", dirty" : ", clean"));
    }
    if (dirty[slot]) {
      writeBack(slot);
    }
    drop(slot);
  }

  /** The line in {@code slot} leaves the cache (written back already, or discarded). */
  private void drop(int slot) {
    validInSet[(int) (lineNumbers[slot] & setMask)]--;
    validCount--;
    contentVersion++;
    changed(slot);
    lineNumbers[slot] = INVALID;
    dirty[slot] = false;
  }

  private void writeBack(int slot) {
    long lineAddress = lineNumbers[slot] << lineShift;
    memory.write(lineAddress, data, slot * lineSize, lineSize);
    changed(slot);
    dirty[slot] = false;
    counters.writeBack();
    if (trace.enabled()) {
      trace.record(TraceEvent.Kind.WRITE_BACK, lineAddress, lineAddress, lineBytes(slot), "whole line to memory");
    }
  }

  private byte[] lineBytes(int slot) {
    return Arrays.copyOfRange(data, slot * lineSize, (slot + 1) * lineSize);
  }

  private static void checkSize(int size) {
    if (size != 1 && size != 2 && size != 4 && size != 8) {
      throw new IllegalArgumentException("Invalid access size " + size + ": must be 1, 2, 4 or 8");
    }
  }
}
