package org.dmasim.allocators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmaPoolTest {
  private final TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
  private final DmaPools pools = arm.pools();

  @Test
  void sizeIsRaisedToSixteenAndRoundedToTheAlignment() {
    DmaPool tiny = pools.create("tiny", 1, 0, 0);
    DmaPool aligned = pools.create("aligned", 20, 32, 0);
    DmaPool odd = pools.create("odd", 17, 0, 0);

    assertThat(tiny.blockSize()).isEqualTo(16);
    assertThat(tiny.alignment()).isEqualTo(1);
    assertThat(tiny.boundary()).isEqualTo(4096);
    assertThat(aligned.blockSize()).isEqualTo(32);
    assertThat(aligned.alignment()).isEqualTo(32);
    assertThat(odd.blockSize()).isEqualTo(17);
  }

  @Test
  void noBlockCrossesTheBoundary() {
    DmaPool pool = pools.create("desc", 48, 0, 128);
    List<Long> offsets = new ArrayList<>();
    long base = -1;
    for (int i = 0; i < 7; i++) {
      PoolBlock block = pool.allocate();
      if (base < 0) {
        base = block.dmaAddress();
      }
      offsets.add(block.dmaAddress() - base);
    }

    assertThat(offsets).containsExactly(0L, 48L, 128L, 176L, 256L, 304L, 384L);
    long[] all = KernelDmaPool.blockOffsets(48, 128, 4096);
    assertThat(all).hasSize(64);
    for (long offset : all) {
      assertThat(offset / 128).as("block at %d", offset).isEqualTo((offset + 47) / 128);
    }
  }

  @Test
  void blocksAreAlignedAndComeFromCoherentMemory() {
    DmaPool pool = pools.create("aligned", 20, 32, 0);
    for (int i = 0; i < 200; i++) {
      PoolBlock block = pool.allocate();
      assertThat(block.dmaAddress() % 32).isZero();
      assertThat(block.cpuAddress() % 32).isZero();
      assertThat(arm.cacheable(block.cpuAddress())).isFalse();
      assertThat(arm.machine.addressSpace().translate(block.cpuAddress()).physicalAddress())
          .isEqualTo(block.dmaAddress());
    }
    assertThat(((KernelDmaPool) pool).chunks()).isEqualTo(2);
  }

  @Test
  void blocksAreCacheableOnACoherentMachine() {
    TestMachine x86 = TestMachine.quiet("x86", "x86-64");
    PoolBlock block = x86.pools().create("x86", 64, 64, 0).allocate();

    assertThat(x86.cacheable(block.cpuAddress())).isTrue();
    assertThat(x86.machine.cpu().read(block.cpuAddress(), 64)).containsOnly(DmaPool.POISON_ALLOCATED);
  }

  @Test
  void aFullChunkIsFollowedByANewOne() {
    DmaPool pool = pools.create("big", 2048, 0, 0);
    PoolBlock first = pool.allocate();
    PoolBlock second = pool.allocate();
    PoolBlock third = pool.allocate();

    assertThat(second.dmaAddress() - first.dmaAddress()).isEqualTo(2048);
    assertThat(third.dmaAddress() % 4096).isZero();
    assertThat(third.dmaAddress()).isNotEqualTo(first.dmaAddress());
  }

  @Test
  void blocksLargerThanAPageTakeChunksOfTheirOwnSize() {
    DmaPool pool = pools.create("large", 5000, 0, 0);
    PoolBlock first = pool.allocate();
    PoolBlock second = pool.allocate();

    assertThat(first.dmaAddress() % 8192).isZero();
    assertThat(second.dmaAddress() % 8192).isZero();
    assertThat(pool.boundary()).isEqualTo(5000);
    assertThat(pool.bytesLostToAlignmentAndPadding()).isZero();
  }

  @Test
  void theLastFreedBlockIsReusedFirst() {
    DmaPool pool = pools.create("lifo", 64, 0, 0);
    PoolBlock a = pool.allocate();
    PoolBlock b = pool.allocate();
    pool.allocate();

    pool.free(a.cpuAddress(), a.dmaAddress());
    pool.free(b.cpuAddress(), b.dmaAddress());

    assertThat(pool.allocate()).isEqualTo(b);
    assertThat(pool.allocate()).isEqualTo(a);
    assertThat(pool.liveBlocks()).isEqualTo(3);
  }

  @Test
  void poisonIsVisibleInMemory() {
    DmaPool pool = pools.create("poison", 64, 0, 0);
    PoolBlock block = pool.allocate();
    long chunk = block.dmaAddress();

    assertThat(arm.machine.memory().read(chunk, 64)).containsOnly(DmaPool.POISON_ALLOCATED);
    assertThat(arm.machine.memory().read(chunk + 64, 4096 - 64)).containsOnly(DmaPool.POISON_FREE);

    pool.free(block.cpuAddress(), block.dmaAddress());

    assertThat(arm.machine.memory().read(chunk, 4096)).containsOnly(DmaPool.POISON_FREE);
  }

  @Test
  void badParametersAreRefused() {
    assertThatThrownBy(() -> pools.create("p", 64, 3, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("align 3");
    assertThatThrownBy(() -> pools.create("p", 64, -8, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("align -8");
    assertThatThrownBy(() -> pools.create("p", 0, 8, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size 0");
    assertThatThrownBy(() -> pools.create("p", -1, 8, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size -1");
    assertThatThrownBy(() -> pools.create("p", 64, 0, 32)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("boundary 32");
    assertThatThrownBy(() -> pools.create("p", 64, 0, 96)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("boundary 96");
    assertThatThrownBy(() -> pools.create(" ", 64, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> pools.create(null, 64, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThat(pools.create("p", 64, 0, 64).boundary()).isEqualTo(64);
    assertThat(pools.create("q", 64, 0, 1L << 20).boundary()).isEqualTo(4096);
  }

  @Test
  void doubleFreeIsRefusedNamingTheAddress() {
    DmaPool pool = pools.create("twice", 32, 0, 0);
    PoolBlock block = pool.allocate();
    pool.free(block.cpuAddress(), block.dmaAddress());

    assertThatThrownBy(() -> pool.free(block.cpuAddress(), block.dmaAddress()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x" + Long.toHexString(block.cpuAddress())).hasMessageContaining("already free");
    assertThat(pool.liveBlocks()).isZero();
    assertThat(pool.allocate()).isEqualTo(block);
  }

  @Test
  void foreignAndMismatchedFreesAreRefused() {
    DmaPool mine = pools.create("mine", 32, 0, 0);
    DmaPool other = pools.create("other", 32, 0, 0);
    PoolBlock own = mine.allocate();
    PoolBlock foreign = other.allocate();

    assertThatThrownBy(() -> mine.free(foreign.cpuAddress(), foreign.dmaAddress()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in pool mine")
        .hasMessageContaining("0x" + Long.toHexString(foreign.cpuAddress()));
    assertThatThrownBy(() -> mine.free(own.cpuAddress(), own.dmaAddress() + 32))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    assertThatThrownBy(() -> mine.free(own.cpuAddress() + 4, own.dmaAddress() + 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the start of a block");
    assertThat(mine.liveBlocks()).isEqualTo(1);
    assertThat(other.liveBlocks()).isEqualTo(1);
  }

  @Test
  void destroyingABusyPoolIsRefusedAndThePoolStaysUsable() {
    DmaPool pool = pools.create("busy-pool", 64, 0, 0);
    PoolBlock a = pool.allocate();
    pool.allocate();

    assertThatThrownBy(pool::destroy).isInstanceOf(IllegalStateException.class).hasMessageContaining("busy")
        .hasMessageContaining("busy-pool").hasMessageContaining("2 blocks");
    pool.free(a.cpuAddress(), a.dmaAddress());
    assertThat(pool.allocate()).isEqualTo(a);
  }

  @Test
  void destroyingAnIdlePoolReturnsItsChunks() {
    CoherentMemory coherent = arm.coherent();
    DmaPool pool = pools.create("idle", 64, 0, 0);
    PoolBlock block = pool.allocate();
    pool.free(block.cpuAddress(), block.dmaAddress());

    pool.destroy();

    assertThat(((DirectCoherentMemory) coherent).liveBlocks()).isZero();
    assertThatThrownBy(pool::allocate).isInstanceOf(IllegalStateException.class).hasMessageContaining("idle");
    assertThatThrownBy(() -> pool.free(block.cpuAddress(), block.dmaAddress()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(pool::destroy).isInstanceOf(IllegalStateException.class);
    assertThat(arm.pages().allocatePages(0)).isEqualTo(block.dmaAddress());
  }

  @Test
  void bytesLostCountBlockPaddingAndUnusableChunkSpace() {
    DmaPool pool = pools.create("lost", 20, 32, 0);
    pool.allocate();
    pool.allocate();
    assertThat(pool.bytesLostToAlignmentAndPadding()).isEqualTo(2 * (32 - 20));

    DmaPool bounded = pools.create("bounded", 48, 0, 128);
    bounded.allocate();
    assertThat(bounded.bytesLostToAlignmentAndPadding()).isEqualTo(4096 - 64 * 48);
  }
}
