package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link SetAssociativeCache} built directly, with real memory, clock, counters and trace. */
class CacheTest {
  private static final int LINE = 16;
  private static final int HIT = 1;
  private static final int MISS = 10;
  private static final int MAINTENANCE = 3;
  private static final CostModel COSTS = new CostModel(HIT, MISS, 50, MAINTENANCE, 0.5, 100);

  /** Set 0 of a 2-set cache of 16-byte lines holds lines whose bit 4 is clear: 0x00, 0x20, 0x40, ... */
  private static final long A = 0x000;
  private static final long B = 0x020;
  private static final long C = 0x040;

  /** A hand-written choice source that records every question and answers one fixed value. */
  static final class RecordingFixedChoices implements ChoiceSource {
    record Call(ChoicePoint point, int options) {}

    final List<Call> calls = new ArrayList<>();
    private final int answer;

    RecordingFixedChoices(int answer) {
      this.answer = answer;
    }

    @Override
    public int choose(ChoicePoint point, int options) {
      calls.add(new Call(point, options));
      return answer;
    }
  }

  /** One cache and the parts around it. */
  static final class Rig {
    final PhysicalMemory memory = new PhysicalMemory();
    final EventQueueTime time = new EventQueueTime();
    final CostCounters counters = new CostCounters();
    final RecordingTrace trace;
    final RecordingFixedChoices choices;
    final SetAssociativeCache cache;

    Rig(CacheGeometry geometry, boolean tracing, int randomAnswer) {
      this.trace = new RecordingTrace(tracing, time);
      this.choices = new RecordingFixedChoices(randomAnswer);
      this.cache = new SetAssociativeCache(geometry, memory, time, COSTS, counters, trace, choices);
    }

    CostReport costs() {
      return counters.snapshot(time.now());
    }

    List<TraceEvent.Kind> kinds() {
      return trace.events().stream().map(TraceEvent::kind).toList();
    }
  }

  /** 2 sets x 2 ways x 16-byte lines. */
  private static CacheGeometry small(ReplacementPolicy replacement, WritePolicy writePolicy, boolean allocate) {
    return new CacheGeometry(64, LINE, 2, replacement, writePolicy, allocate);
  }

  private static Rig writeBack() {
    return new Rig(small(ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true), false, 0);
  }

  private static Rig traced() {
    return new Rig(small(ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true), true, 0);
  }

  private static byte[] pattern(int length, int first) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (first + i);
    }
    return bytes;
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Nested
  class LoadsAndStores {
    @Test
    void loadsOfEverySizeAreLittleEndianAndZeroExtended() {
      Rig rig = writeBack();
      rig.memory.write(0x100, new byte[] {(byte) 0x81, (byte) 0x92, (byte) 0xa3, (byte) 0xb4,
          (byte) 0xc5, (byte) 0xd6, (byte) 0xe7, (byte) 0xf8});

      assertThat(rig.cache.load(0x100, 1)).isEqualTo(0x81L);
      assertThat(rig.cache.load(0x100, 2)).isEqualTo(0x9281L);
      assertThat(rig.cache.load(0x100, 4)).isEqualTo(0xb4a39281L);
      assertThat(rig.cache.load(0x100, 8)).isEqualTo(0xf8e7d6c5b4a39281L);
      assertThat(rig.cache.load(0x103, 2)).isEqualTo(0xc5b4L);
    }

    @Test
    void storesOfEverySizeWriteTheLowBytesLittleEndian() {
      Rig rig = writeBack();
      rig.cache.store(0x200, 8, 0x0102030405060708L);
      rig.cache.store(0x208, 4, 0xaabbccdd_11223344L);
      rig.cache.store(0x20c, 2, 0xffff_5566L);
      rig.cache.store(0x20e, 1, 0x1ff);

      byte[] line = rig.cache.lineState(0x200).bytes();
      assertThat(line).containsExactly(0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
          0x44, 0x33, 0x22, 0x11, 0x66, 0x55, 0xff, 0x00);
      assertThat(rig.cache.load(0x208, 4)).isEqualTo(0x11223344L);
      assertThat(rig.cache.load(0x20c, 2)).isEqualTo(0x5566L);
      assertThat(rig.cache.load(0x20e, 1)).isEqualTo(0xffL);
    }

    @Test
    void accessSizesOtherThanOneTwoFourEightAreRejected() {
      Rig rig = writeBack();
      for (int size : new int[] {0, 3, 5, 16}) {
        assertThatThrownBy(() -> rig.cache.load(0, size)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("size " + size);
        assertThatThrownBy(() -> rig.cache.store(0, size, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("size " + size);
      }
      assertThat(rig.costs().hits() + rig.costs().misses()).isZero();
    }

    @Test
    void aLoadCrossingALineBoundaryReadsBothLines() {
      Rig rig = writeBack();
      rig.memory.write(0x0c, pattern(8, 0x10));

      assertThat(rig.cache.load(0x0c, 8)).isEqualTo(0x1716151413121110L);
      assertThat(rig.cache.contains(0x00)).isTrue();
      assertThat(rig.cache.contains(0x10)).isTrue();
      assertThat(rig.costs().misses()).isEqualTo(2);
    }

    @Test
    void aStoreCrossingALineBoundaryDirtiesBothLines() {
      Rig rig = writeBack();
      rig.cache.store(0x1e, 4, 0xddccbbaaL);

      assertThat(rig.cache.lineState(0x10).dirty()).isTrue();
      assertThat(rig.cache.lineState(0x20).dirty()).isTrue();
      assertThat(rig.cache.lineState(0x10).bytes()).endsWith((byte) 0xaa, (byte) 0xbb);
      assertThat(rig.cache.lineState(0x20).bytes()).startsWith((byte) 0xcc, (byte) 0xdd);
      assertThat(rig.cache.load(0x1e, 4)).isEqualTo(0xddccbbaaL);
    }

    @Test
    void aByteRangeSpanningThreeLinesRoundTripsWithPartialFirstAndLastLines() {
      Rig rig = writeBack();
      byte[] source = pattern(40, 1);
      rig.cache.write(0x44, source, 0, 40);

      byte[] back = new byte[44];
      rig.cache.read(0x44, back, 2, 40);
      assertThat(java.util.Arrays.copyOfRange(back, 2, 42)).isEqualTo(source);
      assertThat(back[0]).isZero();
      assertThat(back[43]).isZero();
      assertThat(rig.cache.lineState(0x40).bytes()).startsWith(0, 0, 0, 0, 1, 2);
      assertThat(rig.cache.lineState(0x60).bytes()).endsWith(0x24, 0x25, 0x26, 0x27, 0x28, 0, 0, 0, 0);
      assertThat(rig.memory.read(0x40, 64)).isEqualTo(new byte[64]);
    }

    @Test
    void writeUsesOnlyTheRequestedSliceOfTheSourceArray() {
      Rig rig = writeBack();
      rig.cache.write(0x80, pattern(10, 0x30), 3, 4);

      assertThat(rig.cache.lineState(0x80).bytes()).startsWith(0x33, 0x34, 0x35, 0x36, 0);
    }
  }

  @Nested
  class WritePolicies {
    @Test
    void writeBackStoreDirtiesTheLineAndLeavesMemoryUnchangedUntilClean() {
      Rig rig = writeBack();
      rig.memory.write(0x40, filled(LINE, 0x11));

      rig.cache.store(0x44, 4, 0xcafebabeL);

      assertThat(rig.cache.lineState(0x40).valid()).isTrue();
      assertThat(rig.cache.lineState(0x40).dirty()).isTrue();
      assertThat(rig.memory.read(0x40, LINE)).isEqualTo(filled(LINE, 0x11));
      assertThat(rig.costs().writeBacks()).isZero();

      rig.cache.clean(0x40);

      byte[] expected = filled(LINE, 0x11);
      expected[4] = (byte) 0xbe;
      expected[5] = (byte) 0xba;
      expected[6] = (byte) 0xfe;
      expected[7] = (byte) 0xca;
      assertThat(rig.memory.read(0x40, LINE)).isEqualTo(expected);
    }

    @Test
    void writeBackStoreReachesMemoryWhenTheLineIsEvicted() {
      Rig rig = writeBack();
      rig.cache.store(0x08, 2, 0xbeefL);

      rig.cache.evict(0x00);

      assertThat(rig.cache.contains(0x00)).isFalse();
      assertThat(rig.memory.read(0x08, 2)).containsExactly(0xef, 0xbe);
    }

    @Test
    void writeThroughWritesMemoryAtOnceAndNeverDirtiesTheLine() {
      Rig rig = new Rig(small(ReplacementPolicy.LRU, WritePolicy.WRITE_THROUGH, true), false, 0);

      rig.cache.store(0x24, 4, 0x44332211L);
      assertThat(rig.memory.read(0x24, 4)).containsExactly(0x11, 0x22, 0x33, 0x44);
      assertThat(rig.cache.lineState(0x20).valid()).isTrue();
      assertThat(rig.cache.lineState(0x20).dirty()).isFalse();

      rig.cache.store(0x26, 1, 0x99);
      assertThat(rig.memory.read(0x24, 4)).containsExactly(0x11, 0x22, 0x99, 0x44);
      assertThat(rig.cache.lineState(0x20).dirty()).isFalse();
      assertThat(rig.cache.load(0x24, 4)).isEqualTo(0x44992211L);

      rig.cache.evict(0x20);
      assertThat(rig.costs().writeBacks()).isZero();
    }

    @Test
    void noWriteAllocateStoreMissGoesToMemoryWithoutFilling() {
      Rig rig = new Rig(small(ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, false), false, 0);

      rig.cache.store(0x30, 4, 0x0d0c0b0aL);

      assertThat(rig.cache.contains(0x30)).isFalse();
      assertThat(rig.cache.validLines()).isEmpty();
      assertThat(rig.memory.read(0x30, 4)).containsExactly(0x0a, 0x0b, 0x0c, 0x0d);
      assertThat(rig.costs().misses()).isEqualTo(1);
      assertThat(rig.costs().hits()).isZero();
      assertThat(rig.time.now()).isEqualTo(MISS);
    }

    @Test
    void noWriteAllocateStoreHitStaysInTheCacheAsDirty() {
      Rig rig = new Rig(small(ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, false), false, 0);
      rig.cache.load(0x30, 1);

      rig.cache.store(0x30, 1, 0x7f);

      assertThat(rig.cache.lineState(0x30).dirty()).isTrue();
      assertThat(rig.memory.readByte(0x30)).isZero();
      assertThat(rig.costs().hits()).isEqualTo(1);
    }
  }

  @Nested
  class Replacement {
    /** Fills A and B into set 0, touches A again, then misses on C: LRU and FIFO pick different victims. */
    private Rig runSequence(ReplacementPolicy policy) {
      Rig rig = new Rig(small(policy, WritePolicy.WRITE_BACK, true), false, 0);
      rig.cache.load(A, 1);
      rig.cache.load(B, 1);
      rig.cache.load(A, 1);
      rig.cache.load(C, 1);
      return rig;
    }

    @Test
    void lruEvictsTheLeastRecentlyUsedLine() {
      Rig rig = runSequence(ReplacementPolicy.LRU);

      assertThat(rig.cache.contains(A)).isTrue();
      assertThat(rig.cache.contains(B)).isFalse();
      assertThat(rig.cache.contains(C)).isTrue();
      assertThat(rig.cache.validLines()).containsExactlyInAnyOrder(A, C);
      assertThat(rig.costs().evictions()).isEqualTo(1);
    }

    @Test
    void fifoEvictsTheLineFilledFirstEvenIfRecentlyUsed() {
      Rig rig = runSequence(ReplacementPolicy.FIFO);

      assertThat(rig.cache.contains(A)).isFalse();
      assertThat(rig.cache.contains(B)).isTrue();
      assertThat(rig.cache.contains(C)).isTrue();
      assertThat(rig.cache.validLines()).containsExactlyInAnyOrder(B, C);
      assertThat(rig.costs().evictions()).isEqualTo(1);
    }

    @Test
    void lruCountsStoreHitsAsUses() {
      Rig rig = new Rig(small(ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true), false, 0);
      rig.cache.load(A, 1);
      rig.cache.load(B, 1);
      rig.cache.store(A, 1, 5);
      rig.cache.load(C, 1);

      assertThat(rig.cache.validLines()).containsExactlyInAnyOrder(A, C);
    }

    @Test
    void aFullSetDoesNotDisturbTheOtherSet() {
      Rig rig = new Rig(small(ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true), false, 0);
      rig.cache.load(0x10, 1);
      rig.cache.load(A, 1);
      rig.cache.load(B, 1);
      rig.cache.load(C, 1);

      assertThat(rig.cache.contains(0x10)).isTrue();
    }

    @Test
    void randomAsksTheChoiceSourceForTheVictimWayOnlyWhenTheSetIsFull() {
      Rig rig = new Rig(small(ReplacementPolicy.RANDOM, WritePolicy.WRITE_BACK, true), false, 1);
      rig.cache.load(A, 1);
      rig.cache.load(B, 1);
      assertThat(rig.choices.calls).isEmpty();

      rig.cache.load(C, 1);

      assertThat(rig.choices.calls)
          .containsExactly(new RecordingFixedChoices.Call(ChoicePoint.REPLACEMENT_VICTIM, 2));
      // A filled way 0, B way 1; the source answered way 1.
      assertThat(rig.cache.validLines()).containsExactlyInAnyOrder(A, C);
    }

    @Test
    void randomEvictsWhicheverWayTheSourceAnswers() {
      Rig rig = new Rig(small(ReplacementPolicy.RANDOM, WritePolicy.WRITE_BACK, true), false, 0);
      rig.cache.load(A, 1);
      rig.cache.load(B, 1);
      rig.cache.load(A, 1);

      rig.cache.load(C, 1);

      assertThat(rig.choices.calls).hasSize(1);
      assertThat(rig.cache.validLines()).containsExactlyInAnyOrder(B, C);
    }

    @Test
    void evictingADirtyLineWritesTheWholeLineBack() {
      Rig rig = writeBack();
      rig.memory.write(A, filled(LINE, 0x55));
      rig.cache.store(A + 3, 1, 0xaa);
      rig.cache.load(B, 1);

      rig.cache.load(C, 1);

      byte[] expected = filled(LINE, 0x55);
      expected[3] = (byte) 0xaa;
      assertThat(rig.cache.contains(A)).isFalse();
      assertThat(rig.memory.read(A, LINE)).isEqualTo(expected);
      assertThat(rig.costs().writeBacks()).isEqualTo(1);
      assertThat(rig.costs().evictions()).isEqualTo(1);
    }

    @Test
    void evictingACleanLineDoesNotWriteMemory() {
      Rig rig = writeBack();
      rig.memory.write(A, filled(LINE, 0x55));
      rig.cache.load(A, 1);
      rig.cache.load(B, 1);
      // Memory changes behind the cache's back: a write-back of the clean copy would undo it.
      rig.memory.write(A, filled(LINE, 0x66));

      rig.cache.load(C, 1);

      assertThat(rig.cache.contains(A)).isFalse();
      assertThat(rig.memory.read(A, LINE)).isEqualTo(filled(LINE, 0x66));
      assertThat(rig.costs().writeBacks()).isZero();
      assertThat(rig.costs().evictions()).isEqualTo(1);
    }
  }

  @Nested
  class Maintenance {
    @Test
    void cleanWritesBackAndKeepsTheLineValidAndClean() {
      Rig rig = writeBack();
      rig.cache.store(0x48, 8, 0x1122334455667788L);

      rig.cache.clean(0x4f);

      LineState state = rig.cache.lineState(0x40);
      assertThat(state.valid()).isTrue();
      assertThat(state.dirty()).isFalse();
      assertThat(rig.memory.read(0x48, 8)).containsExactly(0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11);
      assertThat(rig.costs().writeBacks()).isEqualTo(1);
      assertThat(rig.costs().maintenanceOperations()).isEqualTo(1);
    }

    @Test
    void cleanOfACleanLineWritesNothing() {
      Rig rig = writeBack();
      rig.cache.load(0x40, 1);
      rig.memory.writeByte(0x40, (byte) 9);

      rig.cache.clean(0x40);

      assertThat(rig.memory.readByte(0x40)).isEqualTo((byte) 9);
      assertThat(rig.costs().writeBacks()).isZero();
      assertThat(rig.cache.contains(0x40)).isTrue();
    }

    @Test
    void invalidateDiscardsDirtyDataAndMemoryKeepsTheOldBytes() {
      Rig rig = writeBack();
      rig.memory.write(0x40, filled(LINE, 0x22));
      rig.cache.store(0x40, 8, -1L);

      rig.cache.invalidate(0x47);

      assertThat(rig.cache.contains(0x40)).isFalse();
      assertThat(rig.cache.lineState(0x40).valid()).isFalse();
      assertThat(rig.memory.read(0x40, LINE)).isEqualTo(filled(LINE, 0x22));
      assertThat(rig.costs().writeBacks()).isZero();
      assertThat(rig.cache.load(0x40, 8)).isEqualTo(0x2222222222222222L);
    }

    @Test
    void cleanInvalidateWritesBackThenDropsTheLine() {
      Rig rig = writeBack();
      rig.cache.store(0x40, 2, 0xabcdL);

      rig.cache.cleanInvalidate(0x40);

      assertThat(rig.cache.contains(0x40)).isFalse();
      assertThat(rig.memory.read(0x40, 2)).containsExactly(0xcd, 0xab);
      assertThat(rig.costs().writeBacks()).isEqualTo(1);
    }

    @Test
    void maintenanceChargesOneOperationAndItsCyclesPerLineEvenWhenAbsent() {
      Rig rig = writeBack();

      rig.cache.clean(0x100);
      rig.cache.invalidate(0x200);
      rig.cache.cleanInvalidate(0x300);

      assertThat(rig.costs().maintenanceOperations()).isEqualTo(3);
      assertThat(rig.time.now()).isEqualTo(3L * MAINTENANCE);
      assertThat(rig.cache.validLines()).isEmpty();
    }

    @Test
    void cleanRangeCleansEveryTouchedLineIncludingPartialEdgesAndNoOther() {
      // 4-way, 4 sets: 256 bytes, room for lines 0x00..0xf0 with no eviction.
      Rig rig = new Rig(new CacheGeometry(256, LINE, 4, ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true),
          false, 0);
      for (long line = 0x00; line <= 0x50; line += LINE) {
        rig.cache.store(line, 1, 0x80 + line / LINE);
      }
      long timeBefore = rig.time.now();

      // 0x1c .. 0x43 touches lines 0x10, 0x20, 0x30 and 0x40, the first and last only in part.
      rig.cache.cleanRange(0x1c, 0x28);

      assertThat(rig.costs().maintenanceOperations()).isEqualTo(4);
      assertThat(rig.time.now() - timeBefore).isEqualTo(4L * MAINTENANCE);
      for (long line = 0x10; line <= 0x40; line += LINE) {
        assertThat(rig.cache.lineState(line).valid()).as("line %x valid", line).isTrue();
        assertThat(rig.cache.lineState(line).dirty()).as("line %x dirty", line).isFalse();
        assertThat(rig.memory.readByte(line)).isEqualTo((byte) (0x80 + line / LINE));
      }
      assertThat(rig.cache.lineState(0x00).dirty()).isTrue();
      assertThat(rig.cache.lineState(0x50).dirty()).isTrue();
      assertThat(rig.memory.readByte(0x00)).isZero();
      assertThat(rig.memory.readByte(0x50)).isZero();
    }

    @Test
    void invalidateRangeDropsEveryTouchedLineIncludingPartialEdgesWithoutWritingBack() {
      Rig rig = new Rig(new CacheGeometry(256, LINE, 4, ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true),
          false, 0);
      for (long line = 0x00; line <= 0x50; line += LINE) {
        rig.cache.store(line + 8, 1, 0x80 + line / LINE);
      }
      long timeBefore = rig.time.now();

      rig.cache.invalidateRange(0x1f, 0x22);

      assertThat(rig.costs().maintenanceOperations()).isEqualTo(4);
      assertThat(rig.time.now() - timeBefore).isEqualTo(4L * MAINTENANCE);
      assertThat(rig.cache.validLines()).containsExactlyInAnyOrder(0x00L, 0x50L);
      assertThat(rig.memory.read(0x00, 0x60)).isEqualTo(new byte[0x60]);
      assertThat(rig.costs().writeBacks()).isZero();
    }

    @Test
    void cleanInvalidateRangeWritesBackAndDropsEveryTouchedLine() {
      Rig rig = new Rig(new CacheGeometry(256, LINE, 4, ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true),
          false, 0);
      for (long line = 0x00; line <= 0x50; line += LINE) {
        rig.cache.store(line + 8, 1, 0x80 + line / LINE);
      }

      rig.cache.cleanInvalidateRange(0x10, 0x21);

      assertThat(rig.costs().maintenanceOperations()).isEqualTo(3);
      assertThat(rig.cache.validLines()).containsExactlyInAnyOrder(0x00L, 0x40L, 0x50L);
      assertThat(rig.memory.readByte(0x18)).isEqualTo((byte) 0x81);
      assertThat(rig.memory.readByte(0x28)).isEqualTo((byte) 0x82);
      assertThat(rig.memory.readByte(0x38)).isEqualTo((byte) 0x83);
      assertThat(rig.memory.readByte(0x48)).isZero();
      assertThat(rig.costs().writeBacks()).isEqualTo(3);
    }

    @Test
    void aRangeWithinOneLineIsOneOperationAndAnEmptyRangeIsNone() {
      Rig rig = writeBack();

      rig.cache.cleanRange(0x23, 5);
      assertThat(rig.costs().maintenanceOperations()).isEqualTo(1);

      rig.cache.invalidateRange(0x23, 0);
      rig.cache.cleanInvalidateRange(0x23, -4);
      assertThat(rig.costs().maintenanceOperations()).isEqualTo(1);
      assertThat(rig.time.now()).isEqualTo(MAINTENANCE);
    }
  }

  @Nested
  class Costs {
    @Test
    void hitsMissesAndCyclesForAKnownSequence() {
      Rig rig = writeBack();

      rig.cache.load(0x00, 4);      // miss
      rig.cache.load(0x08, 8);      // hit
      rig.cache.store(0x0f, 1, 1);  // hit
      rig.cache.store(0x10, 2, 1);  // miss (set 1)
      rig.cache.load(0x0e, 4);      // crosses 0x00 and 0x10 lines: two hits
      rig.cache.load(0x20, 1);      // miss (set 0, second way)

      CostReport report = rig.costs();
      assertThat(report.misses()).isEqualTo(3);
      assertThat(report.hits()).isEqualTo(4);
      assertThat(report.cycles()).isEqualTo(3L * MISS + 4L * HIT);
      assertThat(rig.time.now()).isEqualTo(3L * MISS + 4L * HIT);
      assertThat(report.evictions()).isZero();
      assertThat(report.uncachedAccesses()).isZero();
    }
  }

  @Nested
  class SpeculationAndEviction {
    @Test
    void speculativeFillFillsAnAbsentLineFromMemoryWithoutCountingAMiss() {
      Rig rig = writeBack();
      rig.memory.write(0x40, pattern(LINE, 0x60));

      assertThat(rig.cache.speculativeFill(0x47)).isTrue();

      LineState state = rig.cache.lineState(0x40);
      assertThat(state.valid()).isTrue();
      assertThat(state.dirty()).isFalse();
      assertThat(state.bytes()).isEqualTo(pattern(LINE, 0x60));
      assertThat(rig.costs().speculativeFills()).isEqualTo(1);
      assertThat(rig.costs().misses()).isZero();
      assertThat(rig.cache.load(0x40, 1)).isEqualTo(0x60);
      assertThat(rig.costs().hits()).isEqualTo(1);
    }

    @Test
    void speculativeFillOfAPresentLineReturnsFalseAndKeepsItsDirtyData() {
      Rig rig = writeBack();
      rig.cache.store(0x40, 1, 0x33);

      assertThat(rig.cache.speculativeFill(0x40)).isFalse();

      assertThat(rig.cache.lineState(0x40).dirty()).isTrue();
      assertThat(rig.cache.load(0x40, 1)).isEqualTo(0x33);
      assertThat(rig.costs().speculativeFills()).isZero();
    }

    @Test
    void evictOfAnAbsentLineIsANoOp() {
      Rig rig = writeBack();
      rig.cache.store(0x40, 1, 0x33);

      rig.cache.evict(0x80);

      assertThat(rig.cache.validLines()).containsExactly(0x40L);
      assertThat(rig.cache.lineState(0x40).dirty()).isTrue();
      assertThat(rig.costs().evictions()).isZero();
      assertThat(rig.costs().writeBacks()).isZero();
    }

    @Test
    void evictOfACleanLineDropsItWithoutWriting() {
      Rig rig = writeBack();
      rig.cache.load(0x40, 1);
      rig.memory.writeByte(0x40, (byte) 0x5a);

      rig.cache.evict(0x40);

      assertThat(rig.cache.contains(0x40)).isFalse();
      assertThat(rig.costs().evictions()).isEqualTo(1);
      assertThat(rig.costs().writeBacks()).isZero();
      assertThat(rig.memory.readByte(0x40)).isEqualTo((byte) 0x5a);
    }
  }

  @Nested
  class Snooping {
    @Test
    void snoopDeviceWriteWritesBackADirtyLineThenDropsIt() {
      Rig rig = writeBack();
      rig.cache.store(0x44, 4, 0x01020304L);

      rig.cache.snoopDeviceWrite(0x40, LINE);

      assertThat(rig.cache.contains(0x40)).isFalse();
      assertThat(rig.memory.read(0x44, 4)).containsExactly(4, 3, 2, 1);
      assertThat(rig.costs().writeBacks()).isEqualTo(1);
    }

    @Test
    void snoopDeviceWriteDropsCleanLinesAcrossTheWholeRange() {
      Rig rig = writeBack();
      rig.cache.load(0x40, 1);
      rig.cache.load(0x50, 1);
      rig.cache.load(0x60, 1);

      rig.cache.snoopDeviceWrite(0x4f, 2);

      assertThat(rig.cache.validLines()).containsExactly(0x60L);
      assertThat(rig.costs().writeBacks()).isZero();
    }

    @Test
    void snoopDeviceReadWritesBackDirtyDataAndKeepsTheLineValidAndClean() {
      Rig rig = writeBack();
      rig.cache.store(0x44, 4, 0x01020304L);

      rig.cache.snoopDeviceRead(0x44, 4);

      LineState state = rig.cache.lineState(0x40);
      assertThat(state.valid()).isTrue();
      assertThat(state.dirty()).isFalse();
      assertThat(rig.memory.read(0x44, 4)).containsExactly(4, 3, 2, 1);
      assertThat(rig.costs().writeBacks()).isEqualTo(1);
    }

    @Test
    void snoopsOfAbsentLinesOrEmptyRangesChangeNothing() {
      Rig rig = writeBack();
      rig.cache.store(0x40, 1, 7);

      rig.cache.snoopDeviceRead(0x80, 64);
      rig.cache.snoopDeviceWrite(0x40, 0);

      assertThat(rig.cache.lineState(0x40).dirty()).isTrue();
      assertThat(rig.memory.readByte(0x40)).isZero();
      assertThat(rig.costs().writeBacks()).isZero();
    }
  }

  @Nested
  class Tracing {
    @Test
    void aMissRecordsAFillOfTheLineWithItsBytes() {
      Rig rig = traced();
      rig.memory.write(0x20, pattern(LINE, 0));

      rig.cache.load(0x24, 1);

      assertThat(rig.kinds()).containsExactly(TraceEvent.Kind.FILL, TraceEvent.Kind.CPU_LOAD);
      TraceEvent fill = rig.trace.events().get(0);
      assertThat(fill.lineAddress()).isEqualTo(0x20);
      assertThat(fill.bytes()).isEqualTo("000102030405060708090a0b0c0d0e0f");
      assertThat(fill.time()).isEqualTo(MISS);
    }

    @Test
    void aHitRecordsNoFill() {
      Rig rig = traced();
      rig.cache.load(0x24, 1);
      int before = rig.trace.events().size();

      rig.cache.load(0x25, 1);

      assertThat(rig.kinds().subList(before, rig.kinds().size())).containsExactly(TraceEvent.Kind.CPU_LOAD);
    }

    @Test
    void aDirtyEvictionRecordsEvictionThenWriteBackThenTheNewFill() {
      Rig rig = traced();
      rig.cache.store(A, 1, 0xee);
      rig.cache.load(B, 1);
      int before = rig.trace.events().size();

      rig.cache.load(C, 1);

      List<TraceEvent> events = rig.trace.events().subList(before, rig.trace.events().size());
      assertThat(events).extracting(TraceEvent::kind).containsExactly(TraceEvent.Kind.EVICTION,
          TraceEvent.Kind.WRITE_BACK, TraceEvent.Kind.FILL, TraceEvent.Kind.CPU_LOAD);
      assertThat(events.get(0).lineAddress()).isEqualTo(A);
      assertThat(events.get(0).detail()).contains("dirty");
      assertThat(events.get(1).lineAddress()).isEqualTo(A);
      assertThat(events.get(1).bytes()).isEqualTo("ee" + "00".repeat(LINE - 1));
      assertThat(events.get(2).lineAddress()).isEqualTo(C);
    }

    @Test
    void aCleanEvictionRecordsNoWriteBack() {
      Rig rig = traced();
      rig.cache.load(A, 1);
      rig.cache.load(B, 1);

      rig.cache.load(C, 1);

      assertThat(rig.kinds()).contains(TraceEvent.Kind.EVICTION).doesNotContain(TraceEvent.Kind.WRITE_BACK);
    }

    @Test
    void aDisabledTraceRecordsNothing() {
      Rig rig = writeBack();
      rig.cache.store(A, 1, 0xee);
      rig.cache.load(B, 1);
      rig.cache.load(C, 1);
      rig.cache.cleanInvalidateRange(0, 64);
      rig.cache.speculativeFill(0x100);
      rig.cache.snoopDeviceWrite(0x100, 16);

      assertThat(rig.trace.enabled()).isFalse();
      assertThat(rig.trace.events()).isEmpty();
      assertThat(rig.costs().writeBacks()).isEqualTo(1);
    }
  }

  @Nested
  class LineStates {
    @Test
    void mutatingTheReturnedBytesDoesNotChangeTheCache() {
      Rig rig = writeBack();
      rig.cache.store(0x40, 1, 0x12);
      LineState state = rig.cache.lineState(0x40);

      byte[] bytes = state.bytes();
      bytes[0] = 0x7f;

      assertThat(state.bytes()[0]).isEqualTo((byte) 0x12);
      assertThat(rig.cache.lineState(0x40).bytes()[0]).isEqualTo((byte) 0x12);
      assertThat(rig.cache.load(0x40, 1)).isEqualTo(0x12);
    }

    @Test
    void aSnapshotDoesNotFollowLaterStores() {
      Rig rig = writeBack();
      rig.cache.store(0x40, 1, 0x12);
      LineState before = rig.cache.lineState(0x40);

      rig.cache.store(0x40, 1, 0x34);

      assertThat(before.bytes()[0]).isEqualTo((byte) 0x12);
      assertThat(rig.cache.lineState(0x40)).isNotEqualTo(before);
    }

    @Test
    void anAbsentLineIsInvalidWithNoBytesAndTheLineAlignedAddress() {
      Rig rig = writeBack();

      LineState state = rig.cache.lineState(0x4b);

      assertThat(state.lineAddress()).isEqualTo(0x40);
      assertThat(state.valid()).isFalse();
      assertThat(state.dirty()).isFalse();
      assertThat(state.bytes()).isEmpty();
    }

    @Test
    void lineAddressMasksOffTheOffsetWithinTheLine() {
      Rig rig = writeBack();

      assertThat(rig.cache.lineAddress(0x12345)).isEqualTo(0x12340);
      assertThat(rig.cache.lineAddress(0xffff_ffff_ffff_ffffL)).isEqualTo(0xffff_ffff_ffff_fff0L);
    }
  }

  /** A mix of accesses, maintenance and evictions over several sets, the same for every rig. */
  private static void workload(SetAssociativeCache cache, int round) {
    for (int i = 0; i < 24; i++) {
      long address = ((i * 7L + round * 3L) % 20) * LINE + (i % 3) * 4;
      if (i % 3 == 0) {
        cache.store(address, 4, i * 31L + round);
      } else {
        cache.load(address, 4);
      }
      if (i % 8 == 5) {
        cache.cleanInvalidate(address);
      }
      if (i % 11 == 4) {
        cache.evict(address & -(long) LINE);
      }
    }
  }

  @Test
  void theStateHashKeptUpAlongTheWayEqualsOneComputedAtTheEnd() {
    CacheGeometry geometry = new CacheGeometry(256, LINE, 2, ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true);
    Rig kept = new Rig(geometry, false, 0);
    Rig once = new Rig(geometry, false, 0);
    for (int round = 0; round < 5; round++) {
      workload(kept.cache, round);
      workload(once.cache, round);
      kept.cache.stateHash();
    }
    assertThat(kept.cache.stateHash()).isEqualTo(once.cache.stateHash());
    once.cache.load(0x40, 4);
    assertThat(once.cache.stateHash()).as("an LRU hit reorders its set").isNotEqualTo(kept.cache.stateHash());
  }

  @Test
  void restoringPutsBackEveryChangedSetAndTheHashWithIt() {
    CacheGeometry geometry = new CacheGeometry(256, LINE, 2, ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true);
    Rig rig = new Rig(geometry, false, 0);
    workload(rig.cache, 0);
    long hash = rig.cache.stateHash();
    long[] lines = rig.cache.validLines();
    List<LineState> states = new ArrayList<>();
    for (long line : lines) {
      states.add(rig.cache.lineState(line));
    }
    Runnable restore = rig.cache.checkpoint();
    for (int round = 1; round < 4; round++) {
      workload(rig.cache, round);
      assertThat(rig.cache.stateHash()).isNotEqualTo(hash);
      restore.run();
      assertThat(rig.cache.stateHash()).as("round %d", round).isEqualTo(hash);
      assertThat(rig.cache.validLines()).isEqualTo(lines);
      for (int i = 0; i < lines.length; i++) {
        LineState state = rig.cache.lineState(lines[i]);
        assertThat(state.dirty()).isEqualTo(states.get(i).dirty());
        assertThat(state.bytes()).isEqualTo(states.get(i).bytes());
      }
    }
  }
}
