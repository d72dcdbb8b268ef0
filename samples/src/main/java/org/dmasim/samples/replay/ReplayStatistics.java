package org.dmasim.samples.replay;

/**
 * What a replay counted, in Dinero IV's terms: demand fetches and misses per access type
 * (read, write, instruction fetch, misc), multi-block references, and bytes to and from
 * memory; with miss classification on, compulsory, capacity and conflict misses too.
 */
public final class ReplayStatistics {
  /** The demand access types, in the order of the arrays: read, write, instruction fetch, misc. */
  static final int TYPES = 4;

  final long[] fetches = new long[TYPES];
  final long[] misses = new long[TYPES];
  final long[] compulsory = new long[TYPES];
  final long[] capacity = new long[TYPES];
  final long[] conflict = new long[TYPES];
  long records;
  long multiBlock;
  long bytesFromMemory;
  long bytesToMemory;
  long copyBacks;
  long invalidates;
  boolean classified;

  /** Demand fetches of {@code type} (a demand type): one per block a reference touches. */
  public long fetches(AccessType type) {
    return fetches[demand(type)];
  }

  /** Demand misses of {@code type}. */
  public long misses(AccessType type) {
    return misses[demand(type)];
  }

  /** Compulsory misses of {@code type} (with classification on): the block was never fetched before. */
  public long compulsoryMisses(AccessType type) {
    return compulsory[demand(type)];
  }

  /** Capacity misses of {@code type} (with classification on): a fully associative cache of the same size misses too. */
  public long capacityMisses(AccessType type) {
    return capacity[demand(type)];
  }

  /** Conflict misses of {@code type} (with classification on): a fully associative cache of the same size hits. */
  public long conflictMisses(AccessType type) {
    return conflict[demand(type)];
  }

  /** Demand fetches of every type. */
  public long totalFetches() {
    return sum(fetches);
  }

  /** Demand misses of every type. */
  public long totalMisses() {
    return sum(misses);
  }

  /** Trace records replayed, maintenance records included. */
  public long records() {
    return records;
  }

  /** References that spanned more than one block, counted once per extra block (Dinero's "Multi-block refs"). */
  public long multiBlockReferences() {
    return multiBlock;
  }

  /** Bytes fetched from memory: a block per read-type miss and per write miss that allocates a partly written block. */
  public long bytesFromMemory() {
    return bytesFromMemory;
  }

  /** Bytes written to memory: dirty blocks copied back, and write-through or non-allocated writes at their size. */
  public long bytesToMemory() {
    return bytesToMemory;
  }

  /** Copy-back records replayed. */
  public long copyBacks() {
    return copyBacks;
  }

  /** Invalidate records replayed. */
  public long invalidates() {
    return invalidates;
  }

  /** Whether misses were classified into compulsory, capacity and conflict. */
  public boolean classified() {
    return classified;
  }

  private static int demand(AccessType type) {
    if (!type.demand()) {
      throw new IllegalArgumentException(type + " is not a demand access type");
    }
    return type.code();
  }

  static long sum(long[] values) {
    long total = 0;
    for (long value : values) {
      total += value;
    }
    return total;
  }
}
