package org.dmasim.allocators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.List;
import org.dmasim.core.Allocation;
import org.dmasim.core.DmaDirection;
import org.dmasim.core.contract.RestorableParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A machine restored to a checkpoint allocates exactly as it did from the checkpoint, run after run. */
class CheckpointTest {
  private static final long ORIGINAL = 0x20_0000L;

  /** What the allocators hold before the checkpoint; the runs free all of it. */
  private record Before(Allocation first, Allocation second, Allocation large, long pages, CoherentBlock coherent,
      BounceMapping bounce) {}

  private static Before before(TestMachine machine) {
    Allocation first = machine.kmalloc().kmalloc(200);
    Allocation second = machine.kmalloc().kmalloc(200);
    Allocation large = machine.kmalloc().kmalloc(10_000);
    long pages = machine.pages().allocatePages(1);
    CoherentBlock coherent = machine.coherent().allocate(5000);
    BounceMapping bounce = machine.bounce().map(first.physicalAddress(), 200, DmaDirection.BIDIRECTIONAL);
    return new Before(first, second, large, pages, coherent, bounce);
  }

  /** Frees what was there before, in the middle of allocating and freeing a mix of everything. */
  private static List<Long> runA(TestMachine machine, Before before) {
    Kmalloc kmalloc = machine.kmalloc();
    List<Long> seen = new ArrayList<>();
    kmalloc.free(before.first().address());
    long reused = kmalloc.kmalloc(200).address();
    seen.add(reused);
    kmalloc.free(before.second().address());
    kmalloc.free(reused);
    seen.add(kmalloc.kmalloc(200).address());
    for (long size : new long[] {8, 24, 100, 3000, 9000}) {
      seen.add(kmalloc.kmalloc(size).address());
    }
    kmalloc.free(seen.get(3));
    kmalloc.free(before.large().address());
    seen.add(kmalloc.kmalloc(64).address());

    PageAllocator pages = machine.pages();
    pages.freePages(before.pages(), 1);
    long order0 = pages.allocatePages(0);
    seen.add(order0);
    seen.add(pages.allocatePages(3));
    seen.add(pages.allocatePages(1));
    pages.freePages(order0, 0);

    CoherentMemory coherent = machine.coherent();
    coherent.free(before.coherent().size(), before.coherent().cpuAddress(), before.coherent().dmaAddress());
    // CPU addresses too: on ARM they are uncached aliases, which the address space places.
    for (long size : new long[] {100, 20_000}) {
      CoherentBlock block = coherent.allocate(size);
      seen.add(block.dmaAddress());
      seen.add(block.cpuAddress());
    }

    BounceBuffers bounce = machine.bounce();
    bounce.unmap(before.bounce());
    BounceMapping wide = bounce.map(ORIGINAL, 3000, DmaDirection.FROM_DEVICE);
    seen.add(wide.bouncePhysical());
    seen.add(bounce.map(ORIGINAL + 4096, 100, DmaDirection.TO_DEVICE).bouncePhysical());
    bounce.unmap(wide);
    seen.add(bounce.map(ORIGINAL, 1000, DmaDirection.BIDIRECTIONAL).bouncePhysical());

    DmaPool pool = machine.pools().create("checkpoint", 48, 16, 0);
    List<PoolBlock> blocks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      blocks.add(pool.allocate());
    }
    pool.free(blocks.get(1).cpuAddress(), blocks.get(1).dmaAddress());
    blocks.add(pool.allocate());
    blocks.forEach(block -> {
      seen.add(block.dmaAddress());
      seen.add(block.cpuAddress());
    });
    seen.addAll(state(machine));
    return seen;
  }

  /** Allocates first and frees later, in another order than {@link #runA}. */
  private static List<Long> runB(TestMachine machine, Before before) {
    List<Long> seen = new ArrayList<>();
    seen.add(machine.kmalloc().kmalloc(200).address());
    machine.kmalloc().free(before.second().address());
    seen.add(machine.kmalloc().kmalloc(150).address());
    seen.add(machine.pages().allocatePages(2));
    CoherentBlock coherentBlock = machine.coherent().allocate(4096);
    seen.add(coherentBlock.dmaAddress());
    seen.add(coherentBlock.cpuAddress());
    seen.add(machine.bounce().map(ORIGINAL, 100, DmaDirection.FROM_DEVICE).bouncePhysical());
    machine.bounce().unmap(before.bounce());
    seen.add(machine.bounce().map(ORIGINAL, 5000, DmaDirection.FROM_DEVICE).bouncePhysical());
    machine.kmalloc().free(before.first().address());
    seen.add(machine.kmalloc().kmalloc(200).address());
    seen.addAll(state(machine));
    return seen;
  }

  /** The counts the allocators report. */
  private static List<Long> state(TestMachine machine) {
    BuddyPageAllocator pages = (BuddyPageAllocator) machine.pages();
    SlabKmalloc kmalloc = (SlabKmalloc) machine.kmalloc();
    DirectCoherentMemory coherent = (DirectCoherentMemory) machine.coherent();
    return List.of(pages.freePages(), (long) pages.allocatedBlocks(), (long) kmalloc.slabs(),
        kmalloc.bytesLostToAlignmentAndPadding(), (long) coherent.liveBlocks(),
        coherent.bytesLostToAlignmentAndPadding(), (long) machine.bounce().slotsInUse(),
        machine.bounce().bytesCopied());
  }

  @ParameterizedTest
  @CsvSource({"x86,x86-64", "arm-noncoherent,arm64", "arm-noncoherent,armv7", "mips,r4k"})
  void everyRestoreRepeatsTheRunFromTheCheckpoint(String architecture, String profile) {
    TestMachine machine = TestMachine.quiet(architecture, profile);
    Before before = before(machine);
    List<Long> atCheckpoint = state(machine);
    Runnable restore = machine.machine.checkpoint();

    List<Long> first = runA(machine, before);
    restore.run();
    assertThat(state(machine)).isEqualTo(atCheckpoint);
    List<Long> second = runA(machine, before);
    restore.run();
    List<Long> third = runA(machine, before);

    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  @ParameterizedTest
  @CsvSource({"x86,x86-64", "arm-noncoherent,arm64", "mips,r4k"})
  void anotherRunAfterARestoreAllocatesAsOnAFreshMachine(String architecture, String profile) {
    TestMachine fresh = TestMachine.quiet(architecture, profile);
    List<Long> expected = runB(fresh, before(fresh));

    TestMachine machine = TestMachine.quiet(architecture, profile);
    Before before = before(machine);
    Runnable restore = machine.machine.checkpoint();
    runA(machine, before);
    restore.run();
    List<Long> afterRestore = runB(machine, before);
    restore.run();
    runB(machine, before);
    restore.run();

    assertThat(afterRestore).isEqualTo(expected);
    assertThat(runB(machine, before)).isEqualTo(expected);
  }

  @Test
  void aSlabEmptiedAfterTheCheckpointComesBackWithItsObjects() {
    TestMachine machine = TestMachine.quiet("x86", "x86-64");
    Kmalloc kmalloc = machine.kmalloc();
    long first = kmalloc.kmalloc(512).address();
    long second = kmalloc.kmalloc(512).address();
    Runnable restore = machine.machine.checkpoint();

    kmalloc.free(first);
    kmalloc.free(second);
    assertThat(((SlabKmalloc) kmalloc).slabs()).isZero();
    restore.run();

    assertThat(((SlabKmalloc) kmalloc).slabs()).isEqualTo(1);
    assertThat(kmalloc.find(second)).map(Allocation::address).contains(second);
    assertThat(kmalloc.kmalloc(512).address()).isEqualTo(second + 512);
    kmalloc.free(first);
    assertThat(kmalloc.kmalloc(512).address()).isEqualTo(first);
  }

  @Test
  void anOlderCheckpointOfThePageAllocatorRestoresEverythingSinceIt() {
    BuddyPageAllocator pages = new BuddyPageAllocator();
    long kept = pages.allocatePages(3);
    Runnable older = pages.checkpoint();
    long first = pages.allocatePages(0);
    pages.freePages(kept, 3);
    Runnable newer = pages.checkpoint();
    long second = pages.allocatePages(5);
    pages.freePages(first, 0);

    older.run();
    assertThat(pages.allocatePages(0)).as("the page taken after the older checkpoint is free again").isEqualTo(first);
    assertThatThrownBy(() -> pages.freePages(second, 5)).isInstanceOf(IllegalArgumentException.class);
    older.run();

    newer.run();
    assertThat(pages.allocatePages(5)).isEqualTo(second);
    pages.freePages(first, 0);
    assertThatThrownBy(() -> pages.freePages(kept, 3)).as("freed before the newer checkpoint")
        .isInstanceOf(IllegalArgumentException.class);
    newer.run();
    assertThat(pages.freePages()).isEqualTo(freeAfter(kept, first));
  }

  /** The free pages after allocating and freeing as the test above does before its newer checkpoint. */
  private static long freeAfter(long kept, long first) {
    BuddyPageAllocator pages = new BuddyPageAllocator();
    assertThat(pages.allocatePages(3)).isEqualTo(kept);
    assertThat(pages.allocatePages(0)).isEqualTo(first);
    pages.freePages(kept, 3);
    return pages.freePages();
  }

  @Test
  void coherentMemoryGetsTheSameUncachedAliasAfterARestore() {
    TestMachine machine = TestMachine.quiet("arm-noncoherent", "arm64");
    Runnable restore = machine.machine.checkpoint();
    CoherentBlock first = machine.coherent().allocate(5000);
    restore.run();

    CoherentBlock second = machine.coherent().allocate(5000);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void everySingletonWithStateIsRestorable() {
    Injector injector = TestMachine.quiet("x86", "x86-64").injector;
    assertThat(RestorableParts.assertStatefulSingletonsAreRestorable(injector,
        CheckpointTest.class.getPackageName()))
        .contains("BuddyPageAllocator", "SlabKmalloc", "DirectCoherentMemory", "Swiotlb");
  }
}
