package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.dmasim.core.spi.LinearAddressSpace;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free internals of the hot paths against plain reference versions: the
 * cache's incremental valid-line counts, memory's frame table, the event heap, the TLB and
 * the seeded source's integer thresholds.
 */
class HotPathInternalsTest {
  @Test
  void validLineCountAndIndexAgreeWithValidLinesThroughFillsEvictionsMaintenanceAndSnoops() {
    CacheTest.Rig rig = new CacheTest.Rig(new CacheGeometry(1024, 16, 4, ReplacementPolicy.LRU,
        WritePolicy.WRITE_BACK, true), false, 0);
    SplittableRandom random = new SplittableRandom(3);
    for (int step = 0; step < 5000; step++) {
      long address = random.nextInt(8192);
      switch (random.nextInt(8)) {
        case 0, 1, 2 -> rig.cache.load(address & ~7, 8);
        case 3, 4 -> rig.cache.store(address & ~3, 4, step);
        case 5 -> rig.cache.invalidate(address);
        case 6 -> rig.cache.snoopDeviceWrite(address, 1 + random.nextInt(64));
        default -> {
          if (rig.cache.validLineCount() > 0) {
            rig.cache.evict(rig.cache.validLine(random.nextInt(rig.cache.validLineCount())));
          }
        }
      }
      long[] lines = rig.cache.validLines();
      assertThat(rig.cache.validLineCount()).isEqualTo(lines.length);
      for (int i = 0; i < lines.length; i++) {
        assertThat(rig.cache.validLine(i)).isEqualTo(lines[i]);
      }
    }
    assertThatThrownBy(() -> rig.cache.validLine(rig.cache.validLineCount()))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void storesWithinALineAndAcrossLinesAndPagesLeaveTheSameBytesAsByteWrites() {
    for (WritePolicy policy : WritePolicy.values()) {
      for (boolean allocate : new boolean[] {true, false}) {
        CacheGeometry geometry = new CacheGeometry(256, 16, 2, ReplacementPolicy.LRU, policy, allocate);
        CacheTest.Rig stores = new CacheTest.Rig(geometry, false, 0);
        CacheTest.Rig writes = new CacheTest.Rig(geometry, false, 0);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2000; i++) {
          int size = 1 << random.nextInt(4);
          long address = 0xff0 + random.nextInt(64);
          long value = random.nextLong();
          stores.cache.store(address, size, value);
          byte[] bytes = new byte[size];
          LittleEndian.put(bytes, 0, size, value);
          writes.cache.write(address, bytes, 0, size);
          assertThat(stores.cache.load(address, size)).isEqualTo(writes.cache.load(address, size));
        }
        for (long line : stores.cache.validLines()) {
          stores.cache.clean(line);
        }
        for (long line : writes.cache.validLines()) {
          writes.cache.clean(line);
        }
        assertThat(stores.memory.read(0xfe0, 160)).isEqualTo(writes.memory.read(0xfe0, 160));
        assertThat(stores.costs()).isEqualTo(writes.costs());
      }
    }
  }

  @Test
  void memoryKeepsThousandsOfFramesLowAndHighAndHashesByContentAlone() {
    PhysicalMemory forward = new PhysicalMemory();
    PhysicalMemory backward = new PhysicalMemory();
    List<Long> addresses = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 3000; i++) {
      addresses.add(i % 3 == 0 ? random.nextLong() : random.nextLong(8L << 30));
    }
    for (long address : addresses) {
      forward.writeValue(address, 8, address * 31);
    }
    for (int i = addresses.size() - 1; i >= 0; i--) {
      long address = addresses.get(i);
      byte[] bytes = new byte[8];
      LittleEndian.put(bytes, 0, 8, address * 31);
      backward.write(address, bytes);
    }
    for (long address : addresses) {
      assertThat(forward.readValue(address, 8)).isEqualTo(backward.readValue(address, 8));
    }
    assertThat(forward.touchedFrames()).isEqualTo(backward.touchedFrames()).isGreaterThan(2900);
    assertThat(forward.stateHash()).isEqualTo(backward.stateHash());

    backward.writeValue(0x5000_0000_0000L, 4, 0);
    assertThat(backward.stateHash()).as("a frame of zeros is as if never written").isEqualTo(forward.stateHash());
    backward.writeValue(0x5000_0000_0000L, 4, 1);
    assertThat(backward.stateHash()).isNotEqualTo(forward.stateHash());
  }

  @Test
  void valuesCrossingAFrameBoundaryRoundTrip() {
    PhysicalMemory memory = new PhysicalMemory();

    memory.writeValue(0x1ffd, 8, 0x0807_0605_0403_0201L);

    assertThat(memory.readValue(0x1ffd, 8)).isEqualTo(0x0807_0605_0403_0201L);
    assertThat(memory.readByte(0x2000)).isEqualTo((byte) 4);
    assertThat(memory.readValue(0x7000, 4)).as("never written").isZero();
  }

  private record Scheduled(long time, long sequence, int id) {}

  @Test
  void theEventHeapRunsEventsInTimeThenSchedulingOrder() {
    EventQueueTime time = new EventQueueTime();
    PriorityQueue<Scheduled> reference = new PriorityQueue<>((a, b) -> a.time != b.time
        ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
    List<Integer> ran = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(9);
    long sequence = 0;
    for (int step = 0; step < 5000; step++) {
      if (random.nextInt(3) > 0) {
        long delay = random.nextInt(20);
        int id = step;
        reference.add(new Scheduled(time.now() + delay, sequence++, id));
        time.schedule(delay, () -> ran.add(id));
      } else if (random.nextBoolean()) {
        time.advance(random.nextInt(10));
        while (!reference.isEmpty() && reference.peek().time <= time.now()) {
          expected.add(reference.poll().id);
          assertThat(time.runDueEvent()).isTrue();
        }
        assertThat(time.eventDue()).isFalse();
      } else if (!reference.isEmpty()) {
        Scheduled next = reference.poll();
        expected.add(next.id);
        assertThat(time.runNextEvent()).isTrue();
        assertThat(time.now()).isGreaterThanOrEqualTo(next.time);
      }
      assertThat(time.hasPendingEvents()).isEqualTo(!reference.isEmpty());
    }
    assertThat(ran).isEqualTo(expected);
  }

  @Test
  void theTlbFollowsEveryPageTableChange() {
    PageTable pageTable = new PageTable(new RecordingTrace(false, new EventQueueTime()));
    LinearAddressSpace space = new LinearAddressSpace(pageTable, 0x8000_0000L, 64L << 20, 0x4000_0000L,
        PageAttribute.UNCACHED);
    Tlb tlb = new Tlb(space, pageTable);
    long page = 0x8000_3000L;

    int entry = tlb.entry(page + 8);
    assertThat(tlb.physicalAddress(entry, page + 8)).isEqualTo(0x3008);
    assertThat(tlb.cacheable(entry)).isTrue();

    pageTable.setAttribute(page, 4096, PageAttribute.UNCACHED);
    entry = tlb.entry(page + 8);
    assertThat(tlb.cacheable(entry)).as("the attribute change reaches the TLB").isFalse();

    long unmapped = 0x4000_0000L;
    assertThat(tlb.lookup(unmapped)).isNegative();
    assertThatThrownBy(() -> tlb.entry(unmapped)).isInstanceOf(AddressFault.class);
    long alias = space.uncachedAlias(0x5000, 64);
    assertThat(tlb.lookup(alias)).as("a new mapping replaces the remembered fault").isNotNegative();
    assertThat(tlb.physicalAddress(tlb.entry(alias), alias)).isEqualTo(0x5000);
  }

  @Test
  void integerThresholdsAnswerExactlyAsTheDoubleComparisonDoes() {
    double[] rates = {0, 1e-17, 0.05, 0.1, 1.0 / 3, 0.5, 0.999_999_999, 1};
    for (double rate : rates) {
      SeededChoiceSource source = new SeededChoiceSource(77, new ChoiceRates(rate, rate, rate));
      SplittableRandom reference = new SplittableRandom(77);
      for (int i = 0; i < 20_000; i++) {
        int expected = reference.nextDouble() < rate ? 1 : 0;
        assertThat(source.choose(ChoicePoint.values()[i % 3 == 0 ? 0 : i % 3 == 1 ? 2 : 4], 2))
            .as("rate %s, draw %d", rate, i).isEqualTo(expected);
      }
    }
  }
}
