package org.dmasim.samples.replay;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.dmasim.core.Cache;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.Caches;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.CostCounters;
import org.dmasim.core.PhysicalMemory;
import org.dmasim.core.ReplacementPolicy;
import org.dmasim.core.SeededChoiceSource;
import org.dmasim.core.WritePolicy;

/**
 * Replays trace references through dmasim's cache (the one the machines use, bytes and all)
 * and counts what Dinero IV counts for one unified cache with demand fetch and no sub-blocks:
 * <ul>
 *   <li>a reference that spans blocks is split at block boundaries, each part a demand fetch of
 *       its type, and every extra part a multi-block reference;</li>
 *   <li>a part misses when its block is absent; a write miss without write-allocate leaves the
 *       cache as it was;</li>
 *   <li>bytes from memory: a block for each read, instruction fetch or misc miss, and for each
 *       write miss that allocates unless the write covers the whole block;</li>
 *   <li>bytes to memory: a block for each dirty block copied back (replaced, or by a copy-back
 *       record, or at the end of the trace), and a write's own size when it is written through
 *       or misses without write-allocate;</li>
 *   <li>copy-back records clean their block (the whole cache with size 0), invalidate records
 *       discard it without copying back; neither is a demand fetch.</li>
 * </ul>
 * With classification on, a miss is a conflict miss if a fully associative cache of as many
 * blocks, with the same replacement policy, holds the block; otherwise compulsory the first
 * time the block so misses and capacity after. A replayer is single-threaded; once warm,
 * a reference allocates nothing (classification aside).
 */
public final class Replayer {
  private final CacheGeometry geometry;
  private final Cache cache;
  private final CostCounters counters = new CostCounters();
  private final ReplayStatistics statistics = new ReplayStatistics();
  private final byte[] scratch;
  private final int lineSize;
  private final boolean writeThrough;
  private final boolean writeAllocate;
  private final Classifier classifier;
  private long stored;
  private long loaded;

  /** A replayer of a fresh cache of {@code geometry} over empty memory; {@code seed} drives random replacement. */
  public Replayer(CacheGeometry geometry, long seed, boolean classifyMisses) {
    this.geometry = geometry;
    this.cache = Caches.standalone(geometry, new PhysicalMemory(), counters,
        new SeededChoiceSource(seed, ChoiceRates.DEFAULT));
    this.scratch = new byte[geometry.lineSize()];
    this.lineSize = geometry.lineSize();
    this.writeThrough = geometry.writePolicy() == WritePolicy.WRITE_THROUGH;
    this.writeAllocate = geometry.writeAllocate();
    this.classifier = classifyMisses ? new Classifier(geometry.sizeBytes() / geometry.lineSize(),
        geometry.replacement() != ReplacementPolicy.FIFO) : null;
    statistics.classified = classifyMisses;
  }

  /** The cache replayed into. */
  public CacheGeometry geometry() {
    return geometry;
  }

  /** A sum of every value the replay loaded: the bytes the lines carry, for whoever wants to see them used. */
  public long loadedSum() {
    return loaded;
  }

  /** The counts so far. */
  public ReplayStatistics statistics() {
    return statistics;
  }

  /** Replays one record. */
  public void replay(TraceRecord record) {
    reference(record.type, record.address, record.size);
  }

  /** Replays one reference of {@code size} bytes at {@code address} (size 0: the whole cache, for maintenance only). */
  public void reference(AccessType type, long address, int size) {
    statistics.records++;
    switch (type) {
      case COPY_BACK -> copyBack(address, size);
      case INVALIDATE -> invalidate(address, size);
      default -> demandReference(type.code(), address, size);
    }
  }

  /** The end of the trace: as Dinero IV does, every dirty block is copied back (and counted). */
  public void finish() {
    long before = counters.writeBacks();
    for (long line : cache.validLines()) {
      cache.clean(line);
    }
    statistics.bytesToMemory += (counters.writeBacks() - before) * lineSize;
  }

  private void demandReference(int code, long address, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("A demand reference needs at least 1 byte, was " + size);
    }
    long at = address;
    int remaining = size;
    while (true) {
      int room = lineSize - (int) (at & (lineSize - 1));
      int part = Math.min(remaining, room);
      demand(code, at, part);
      remaining -= part;
      if (remaining == 0) {
        return;
      }
      statistics.multiBlock++;
      at += part;
    }
  }

  private void demand(int code, long address, int part) {
    ReplayStatistics stats = statistics;
    stats.fetches[code]++;
    long missesBefore = counters.misses();
    long writeBacksBefore = counters.writeBacks();
    boolean write = code == 1;
    boolean word = part == 8 || part == 4 || part == 2 || part == 1;
    if (write) {
      stored++;
      if (word) {
        cache.store(address, part, stored);
      } else {
        scratch[0] = (byte) stored;
        cache.write(address, scratch, 0, part);
      }
    } else if (word) {
      loaded += cache.load(address, part);
    } else {
      cache.read(address, scratch, 0, part);
    }
    boolean miss = counters.misses() != missesBefore;
    long writeBacks = counters.writeBacks() - writeBacksBefore;
    if (writeBacks != 0) {
      stats.bytesToMemory += writeBacks * lineSize;
    }
    if (miss) {
      stats.misses[code]++;
    }
    if (write) {
      if (writeThrough || (miss && !writeAllocate)) {
        stats.bytesToMemory += part;
      }
      if (miss && writeAllocate && part != lineSize) {
        stats.bytesFromMemory += lineSize;
      }
    } else if (miss) {
      stats.bytesFromMemory += lineSize;
    }
    if (classifier != null) {
      classifier.demand(stats, code, address & -(long) lineSize, miss, !write || writeAllocate);
    }
  }

  private void copyBack(long address, int size) {
    statistics.copyBacks++;
    long before = counters.writeBacks();
    if (size == 0) {
      for (long line : cache.validLines()) {
        cache.clean(line);
      }
    } else {
      cache.clean(address);
    }
    statistics.bytesToMemory += (counters.writeBacks() - before) * lineSize;
  }

  private void invalidate(long address, int size) {
    statistics.invalidates++;
    if (size == 0) {
      for (long line : cache.validLines()) {
        cache.invalidate(line);
      }
      if (classifier != null) {
        classifier.clear();
      }
    } else {
      cache.invalidate(address);
      if (classifier != null) {
        classifier.invalidate(address & -(long) lineSize);
      }
    }
  }

  /**
   * Dinero IV's miss classification: a fully associative cache of as many blocks (LRU or
   * FIFO as the cache is) and the set of blocks that ever missed in it.
   */
  private static final class Classifier {
    private final Map<Long, Boolean> full;
    private final Set<Long> missedBefore = new HashSet<>();

    Classifier(int blocks, boolean lru) {
      this.full = new LinkedHashMap<>(16, 0.75f, lru) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
          return size() > blocks;
        }
      };
    }

    void demand(ReplayStatistics stats, int code, long block, boolean miss, boolean updates) {
      boolean fullHit = full.containsKey(block);
      if (fullHit) {
        full.get(block);
      } else if (updates) {
        full.put(block, Boolean.TRUE);
      }
      if (miss) {
        if (fullHit) {
          stats.conflict[code]++;
        } else if (missedBefore.add(block)) {
          stats.compulsory[code]++;
        } else {
          stats.capacity[code]++;
        }
      }
    }

    void invalidate(long block) {
      full.remove(block);
    }

    void clear() {
      full.clear();
      missedBefore.clear();
    }
  }
}
