package org.dmasim.samples.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dmasim.core.CacheGeometry;
import org.junit.jupiter.api.Test;

/**
 * Replays small traces whose Dinero IV counts are worked out by hand below, and checks every
 * count exactly: LRU and FIFO, write-back with write-allocate and write-through without.
 */
class DineroCountsTest {
  /*
   * The cache: 64 bytes, 16-byte blocks, 2 ways, so 2 sets; a block's set is bit 4 of its
   * address. Set 0 holds blocks A = 0x00, B = 0x20, C = 0x40; set 1 holds D = 0x10, E = 0x30,
   * F = 0x50. Sets are written oldest (LRU: least recently used; FIFO: filled first) to
   * newest, a star marks a dirty block.
   *
   *   #  record     block(s)
   *   1  r 0x00 4   A
   *   2  r 0x20 4   B
   *   3  r 0x04 4   A
   *   4  w 0x40 4   C
   *   5  r 0x24 4   B
   *   6  r 0x08 4   A
   *   7  w 0x10 4   D
   *   8  i 0x14 4   D
   *   9  m 0x3c 8   E (0x3c..0x3f), then C (0x40..0x43): two demand fetches, one multi-block ref
   *  10  w 0x18 4   D
   *  11  w 0x50 4   F
   *  12  r 0x0c 4   A
   *
   * Demand fetches in every case: read 6 (1 2 3 5 6 12), write 4 (4 7 10 11), instruction
   * fetch 1 (8), misc 2 (9 twice) = 13; multi-block refs 1.
   *
   * LRU, write-back, write-allocate
   *   1 A miss [A]; 2 B miss [A B]; 3 A hit [B A]; 4 C miss, evicts B (clean) [A C*];
   *   5 B miss, evicts A [C* B]; 6 A miss, evicts C* (writes back 16) [B A];
   *   7 D miss {D*}; 8 D hit; 9 E miss {D* E}, C miss, evicts B [A C]; 10 D hit {E D*};
   *   11 F miss, evicts E {D* F*}; 12 A hit [C A]. End: D* and F* copied back (32).
   *   Misses: read 3 (1 2 5 6 -> 4), write 3 (4 7 11), instruction 0, misc 2 = 9.
   *   Bytes from memory: 9 misses, each a 16-byte block (the writes are 4 of 16 bytes) = 144.
   *   Bytes to memory: C* + D* + F* = 48.
   *
   * FIFO, write-back, write-allocate
   *   1 A miss [A]; 2 B miss [A B]; 3 A hit; 4 C miss, evicts A (filled first) [B C*];
   *   5 B hit; 6 A miss, evicts B [C* A]; 7 D miss {D*}; 8 D hit; 9 E miss {D* E}, C hit;
   *   10 D hit (FIFO: no reorder); 11 F miss, evicts D* (writes back 16) {E F*}; 12 A hit.
   *   End: C* and F* copied back (32).
   *   Misses: read 3 (1 2 6), write 3 (4 7 11), instruction 0, misc 1 (E) = 7.
   *   Bytes from memory: 7 x 16 = 112. Bytes to memory: D* + C* + F* = 48.
   *
   * LRU, write-through, no write-allocate (every write goes to memory at its size, 4 bytes;
   * a write miss leaves the cache alone)
   *   1 A miss [A]; 2 B miss [A B]; 3 A hit [B A]; 4 C miss, not allocated; 5 B hit [A B];
   *   6 A hit [B A]; 7 D miss, not allocated {}; 8 D miss {D}; 9 E miss {D E}, C miss,
   *   evicts B [A C]; 10 D hit {E D}; 11 F miss, not allocated; 12 A hit [C A].
   *   Misses: read 2 (1 2), write 3 (4 7 11), instruction 1 (8), misc 2 = 8.
   *   Bytes from memory: the 5 read-type misses x 16 = 80. Bytes to memory: 4 writes x 4 = 16.
   *
   * FIFO, write-through, no write-allocate
   *   1 A miss [A]; 2 B miss [A B]; 3 A hit; 4 C miss, not allocated; 5 B hit; 6 A hit;
   *   7 D miss, not allocated; 8 D miss {D}; 9 E miss {D E}, C miss, evicts A [B C];
   *   10 D hit; 11 F miss, not allocated; 12 A miss, evicts B [C A].
   *   Misses: read 3 (1 2 12), write 3, instruction 1, misc 2 = 9.
   *   Bytes from memory: 6 read-type misses x 16 = 96. Bytes to memory: 16.
   */
  private static final String TRACE = """
      r 0x00 4
      r 0x20 4
      r 0x04 4
      w 0x40 4
      r 0x24 4
      r 0x08 4
      w 0x10 4
      i 0x14 4
      m 0x3c 8
      w 0x18 4
      w 0x50 4
      r 0x0c 4
      """;

  @Test
  void lruWriteBackWriteAllocate() throws IOException {
    ReplayStatistics stats = replay(TRACE, "64:16:2:lru:wb:wa");

    assertFetches(stats);
    assertMisses(stats, 4, 3, 0, 2);
    assertThat(stats.totalMisses()).isEqualTo(9);
    assertThat(stats.bytesFromMemory()).isEqualTo(144);
    assertThat(stats.bytesToMemory()).isEqualTo(48);
  }

  @Test
  void fifoWriteBackWriteAllocate() throws IOException {
    ReplayStatistics stats = replay(TRACE, "64:16:2:fifo:wb:wa");

    assertFetches(stats);
    assertMisses(stats, 3, 3, 0, 1);
    assertThat(stats.totalMisses()).isEqualTo(7);
    assertThat(stats.bytesFromMemory()).isEqualTo(112);
    assertThat(stats.bytesToMemory()).isEqualTo(48);
  }

  @Test
  void lruWriteThroughNoWriteAllocate() throws IOException {
    ReplayStatistics stats = replay(TRACE, "64:16:2:lru:wt:nwa");

    assertFetches(stats);
    assertMisses(stats, 2, 3, 1, 2);
    assertThat(stats.totalMisses()).isEqualTo(8);
    assertThat(stats.bytesFromMemory()).isEqualTo(80);
    assertThat(stats.bytesToMemory()).isEqualTo(16);
  }

  @Test
  void fifoWriteThroughNoWriteAllocate() throws IOException {
    ReplayStatistics stats = replay(TRACE, "64:16:2:fifo:wt:nwa");

    assertFetches(stats);
    assertMisses(stats, 3, 3, 1, 2);
    assertThat(stats.totalMisses()).isEqualTo(9);
    assertThat(stats.bytesFromMemory()).isEqualTo(96);
    assertThat(stats.bytesToMemory()).isEqualTo(16);
  }

  /*
   * Copy-back and invalidate, LRU write-back write-allocate, the same cache:
   *   w 0x00 4  miss, A* (16 from memory)
   *   c 0x04 4  copy back A*: 16 to memory, A stays, clean
   *   c 0x08 4  A is clean: nothing
   *   w 0x00 4  hit, A*
   *   v 0x00 4  A* discarded, not written back
   *   r 0x00 4  miss (16 from memory)
   *   end       nothing dirty
   * Demand fetches: write 2, read 1; misses: write 1, read 1; from 32, to 16.
   */
  @Test
  void copyBackCleansAndInvalidateDiscardsWithoutWritingBack() throws IOException {
    ReplayStatistics stats = replay("""
        w 0x00 4
        c 0x04 4
        c 0x08 4
        w 0x00 4
        v 0x00 4
        r 0x00 4
        """, "64:16:2");

    assertThat(stats.fetches(AccessType.WRITE)).isEqualTo(2);
    assertThat(stats.fetches(AccessType.READ)).isEqualTo(1);
    assertThat(stats.totalFetches()).as("maintenance is no demand fetch").isEqualTo(3);
    assertThat(stats.misses(AccessType.WRITE)).isEqualTo(1);
    assertThat(stats.misses(AccessType.READ)).isEqualTo(1);
    assertThat(stats.bytesFromMemory()).isEqualTo(32);
    assertThat(stats.bytesToMemory()).isEqualTo(16);
    assertThat(stats.copyBacks()).isEqualTo(2);
    assertThat(stats.invalidates()).isEqualTo(1);
  }

  /*
   * A write that covers a whole block allocates it without fetching it (Dinero IV fetches
   * only for a partly written block), and a size-0 copy-back cleans the whole cache:
   *   w 0x00 16   miss, whole block: nothing from memory, A*
   *   w 0x1e 4    spans D (0x1e..0x1f) and B (0x20..0x21): 2 write misses, each partial (2 x 16 from memory)
   *   c 0 0       copies back A*, D*, B* (48 to memory)
   */
  @Test
  void aWholeBlockWriteFetchesNothingAndASizeZeroCopyBackCleansEverything() throws IOException {
    ReplayStatistics stats = replay("""
        w 0x00 10
        w 0x1e 4
        c 0 0
        """, "64:16:2");

    assertThat(stats.fetches(AccessType.WRITE)).isEqualTo(3);
    assertThat(stats.misses(AccessType.WRITE)).isEqualTo(3);
    assertThat(stats.multiBlockReferences()).isEqualTo(1);
    assertThat(stats.bytesFromMemory()).isEqualTo(32);
    assertThat(stats.bytesToMemory()).isEqualTo(48);
  }

  /*
   * Miss classification with the LRU write-back trace above. The fully associative cache
   * holds 4 blocks, LRU, written least recent first:
   *   compulsory, the first miss of each block: A (1) B (2) read, C (4) D (7) F (11) write, E (9) misc
   *   5 B misses in the cache, but the fully associative one is [A C B]... holds it -> conflict (read)
   *   6 A likewise, [C B A] -> conflict (read)
   *   9 C: after 7 it is [C B A D]; E (9) pushes C out, so C misses there too and was seen before
   *     -> capacity (misc)
   */
  @Test
  void missesAreClassifiedAsDineroIvClassifiesThem() throws IOException {
    Replayer replayer = new Replayer(CacheSpec.parse("64:16:2"), 1, true);
    replayAll(replayer, TRACE);
    ReplayStatistics stats = replayer.statistics();

    assertThat(stats.compulsoryMisses(AccessType.READ)).isEqualTo(2);
    assertThat(stats.compulsoryMisses(AccessType.WRITE)).isEqualTo(3);
    assertThat(stats.compulsoryMisses(AccessType.MISC)).isEqualTo(1);
    assertThat(stats.conflictMisses(AccessType.READ)).isEqualTo(2);
    assertThat(stats.capacityMisses(AccessType.MISC)).isEqualTo(1);
    assertThat(stats.capacityMisses(AccessType.READ) + stats.conflictMisses(AccessType.WRITE)
        + stats.capacityMisses(AccessType.WRITE) + stats.conflictMisses(AccessType.MISC)).isZero();
  }

  private static void assertFetches(ReplayStatistics stats) {
    assertThat(stats.fetches(AccessType.READ)).isEqualTo(6);
    assertThat(stats.fetches(AccessType.WRITE)).isEqualTo(4);
    assertThat(stats.fetches(AccessType.INSTRUCTION_FETCH)).isEqualTo(1);
    assertThat(stats.fetches(AccessType.MISC)).isEqualTo(2);
    assertThat(stats.totalFetches()).isEqualTo(13);
    assertThat(stats.multiBlockReferences()).isEqualTo(1);
  }

  private static void assertMisses(ReplayStatistics stats, long read, long write, long instruction, long misc) {
    assertThat(stats.misses(AccessType.READ)).as("read misses").isEqualTo(read);
    assertThat(stats.misses(AccessType.WRITE)).as("write misses").isEqualTo(write);
    assertThat(stats.misses(AccessType.INSTRUCTION_FETCH)).as("instruction misses").isEqualTo(instruction);
    assertThat(stats.misses(AccessType.MISC)).as("misc misses").isEqualTo(misc);
  }

  static ReplayStatistics replay(String extendedTrace, String cache) throws IOException {
    CacheGeometry geometry = CacheSpec.parse(cache);
    Replayer replayer = new Replayer(geometry, 1, false);
    replayAll(replayer, extendedTrace);
    return replayer.statistics();
  }

  private static void replayAll(Replayer replayer, String extendedTrace) throws IOException {
    TraceReader reader = TraceReader.open(new ByteArrayInputStream(extendedTrace.getBytes(StandardCharsets.US_ASCII)),
        TraceFormat.EXTENDED, "test.xdin");
    TraceRecord record = new TraceRecord();
    while (reader.next(record)) {
      replayer.replay(record);
    }
    replayer.finish();
  }
}
