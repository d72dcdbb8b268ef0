package org.dmasim.allocators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dmasim.core.Allocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KmallocTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "x86             | x86-64        | 8 16 32 64 96 128 192 256 512 1024 2048 4096 8192",
      "arm-noncoherent | arm64         | 8 16 32 64 96 128 192 256 512 1024 2048 4096 8192",
      "arm-noncoherent | armv7         | 64 128 192 256 512 1024 2048 4096 8192",
      "arm-noncoherent | arm64-pre5.19 | 128 256 512 1024 2048 4096 8192",
      "mips            | r4k           | 128 256 512 1024 2048 4096 8192",
      "mips            | r10000        | 128 256 512 1024 2048 4096 8192"})
  void sizeClassesFollowTheMinimumAlignment(String architecture, String profile, String classes) {
    Kmalloc kmalloc = TestMachine.quiet(architecture, profile).kmalloc();

    assertThat(kmalloc.sizeClasses()).map(String::valueOf).containsExactly(classes.split(" "));
    assertThat(kmalloc.minimumAlignment()).isEqualTo(kmalloc.sizeClasses().get(0));
  }

  @Test
  void sizeClassForRoundsUpLikeKmallocSizeRoundup() {
    Kmalloc x86 = TestMachine.quiet("x86", "x86-64").kmalloc();
    Kmalloc armv7 = TestMachine.quiet("arm-noncoherent", "armv7").kmalloc();

    assertThat(x86.sizeClassFor(1)).isEqualTo(8);
    assertThat(x86.sizeClassFor(17)).isEqualTo(32);
    assertThat(x86.sizeClassFor(65)).isEqualTo(96);
    assertThat(x86.sizeClassFor(129)).isEqualTo(192);
    assertThat(x86.sizeClassFor(8192)).isEqualTo(8192);
    assertThat(x86.sizeClassFor(8193)).isEqualTo(16384);
    assertThat(armv7.sizeClassFor(1)).isEqualTo(64);
    assertThat(armv7.sizeClassFor(65)).isEqualTo(128);
    assertThat(armv7.sizeClassFor(129)).isEqualTo(192);
    assertThatThrownBy(() -> x86.sizeClassFor(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  @Test
  void smallNeighboursShareACacheLineWhenTheMinimumIsBelowTheLine() {
    TestMachine arm64 = TestMachine.quiet("arm-noncoherent", "arm64");
    Allocation first = arm64.kmalloc().kmalloc(16);
    Allocation second = arm64.kmalloc().kmalloc(16);

    assertThat(second.address() - first.address()).isEqualTo(16);
    assertThat(first.physicalAddress() / arm64.lineSize()).isEqualTo(second.physicalAddress() / arm64.lineSize());
  }

  @Test
  void smallNeighboursOwnTheirLinesWhenTheMinimumCoversTheLine() {
    TestMachine arm64 = TestMachine.quiet("arm-noncoherent", "arm64-pre5.19");
    Allocation first = arm64.kmalloc().kmalloc(16);
    Allocation second = arm64.kmalloc().kmalloc(16);

    assertThat(first.usableSize()).isEqualTo(128);
    assertThat(second.address() - first.address()).isEqualTo(128);
    assertThat(first.physicalAddress() / arm64.lineSize()).isNotEqualTo(second.physicalAddress() / arm64.lineSize());
    assertThat(first.physicalAddress() % arm64.machine.profile().dmaAlignment()).isZero();
  }

  @Test
  void ninetySixByteObjectsArePackedAtThirtyTwoByteAlignment() {
    Kmalloc kmalloc = TestMachine.quiet("x86", "x86-64").kmalloc();
    List<Allocation> objects = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      objects.add(kmalloc.kmalloc(80));
    }

    long base = objects.get(0).address();
    assertThat(objects).extracting(allocation -> allocation.address() - base).containsExactly(0L, 96L, 192L, 288L);
    assertThat(objects).allSatisfy(allocation -> {
      assertThat(allocation.address() % 32).isZero();
      assertThat(allocation.usableSize()).isEqualTo(96);
    });
    assertThat(Math.floorMod(objects.get(1).address(), 64)).isEqualTo(32);
    assertThat(base % PageAllocator.PAGE_SIZE).isZero();
  }

  @Test
  void anAlignmentAboveTheClassesNaturalOneTakesAPowerOfTwoClass() {
    Kmalloc kmalloc = TestMachine.quiet("x86", "x86-64").kmalloc();
    kmalloc.kmalloc(96);

    Allocation aligned = kmalloc.allocate(90, 64);
    Allocation small = kmalloc.allocate(8, 256);

    assertThat(aligned.usableSize()).isEqualTo(128);
    assertThat(aligned.address() % 64).isZero();
    assertThat(small.usableSize()).isEqualTo(256);
    assertThat(small.address() % 256).isZero();
  }

  @Test
  void addressesAreTheCachedKernelAliases() {
    TestMachine mips = TestMachine.quiet("mips", "r4k");
    Allocation allocation = mips.kmalloc().kmalloc(100);

    assertThat(allocation.address()).isEqualTo(0x8000_0000L + allocation.physicalAddress());
    assertThat(mips.cacheable(allocation.address())).isTrue();
    assertThat(allocation.physicalAddress()).isGreaterThanOrEqualTo(PhysicalLayout.PAGES_BASE);

    TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
    Allocation armAllocation = arm.kmalloc().kmalloc(100);
    assertThat(arm.machine.addressSpace().translate(armAllocation.address()).physicalAddress())
        .isEqualTo(armAllocation.physicalAddress());
    assertThat(arm.cacheable(armAllocation.address())).isTrue();
  }

  @Test
  void largeRequestsTakeWholePagesFromThePageAllocator() {
    TestMachine x86 = TestMachine.quiet("x86", "x86-64");
    Kmalloc kmalloc = x86.kmalloc();

    Allocation large = kmalloc.kmalloc(10_000);

    assertThat(large.usableSize()).isEqualTo(16384);
    assertThat(large.physicalAddress() % 16384).isZero();
    assertThat(kmalloc.usableSize(large.address())).isEqualTo(16384);
    assertThat(kmalloc.bytesLostToAlignmentAndPadding()).isEqualTo(16384 - 10_000);
    kmalloc.free(large.address());
    assertThat(x86.pages().allocatePages(2)).isEqualTo(large.physicalAddress());
  }

  @Test
  void eightKibObjectsLiveInTwoPageSlabs() {
    Kmalloc kmalloc = TestMachine.quiet("x86", "x86-64").kmalloc();
    Allocation first = kmalloc.kmalloc(5000);
    Allocation second = kmalloc.kmalloc(8192);

    assertThat(first.usableSize()).isEqualTo(8192);
    assertThat(first.address() % 8192).isZero();
    assertThat(second.address() % 8192).isZero();
  }

  @Test
  void theLowestFreeSlotIsReusedFirst() {
    Kmalloc kmalloc = TestMachine.quiet("x86", "x86-64").kmalloc();
    Allocation a = kmalloc.kmalloc(32);
    Allocation b = kmalloc.kmalloc(32);
    Allocation c = kmalloc.kmalloc(32);

    kmalloc.free(b.address());
    kmalloc.free(a.address());

    assertThat(kmalloc.kmalloc(32).address()).isEqualTo(a.address());
    assertThat(kmalloc.kmalloc(32).address()).isEqualTo(b.address());
    assertThat(kmalloc.kmalloc(32).address()).isEqualTo(c.address() + 32);
  }

  @Test
  void aFullSlabIsFollowedByANewOne() {
    Kmalloc kmalloc = TestMachine.quiet("x86", "x86-64").kmalloc();
    List<Allocation> objects = new ArrayList<>();
    for (int i = 0; i < PageAllocator.PAGE_SIZE / 512 + 1; i++) {
      objects.add(kmalloc.kmalloc(512));
    }
    Allocation last = objects.get(objects.size() - 1);
    assertThat(last.address() % PageAllocator.PAGE_SIZE).isZero();
    assertThat(last.address()).isNotEqualTo(objects.get(0).address());
    for (Allocation object : objects) {
      kmalloc.free(object.address());
    }
    assertThat(((SlabKmalloc) kmalloc).slabs()).isZero();
  }

  @Test
  void badRequestsAreRefusedNamingTheValuesAndChangeNothing() {
    Kmalloc kmalloc = TestMachine.quiet("x86", "x86-64").kmalloc();
    Allocation live = kmalloc.kmalloc(24);
    long lost = kmalloc.bytesLostToAlignmentAndPadding();

    assertThatThrownBy(() -> kmalloc.kmalloc(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size 0");
    assertThatThrownBy(() -> kmalloc.kmalloc(-5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
    assertThatThrownBy(() -> kmalloc.allocate(64, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alignment 3");
    assertThatThrownBy(() -> kmalloc.allocate(64, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alignment 0");
    assertThatThrownBy(() -> kmalloc.kmalloc(8L << 20)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(8L << 20));

    assertThat(kmalloc.bytesLostToAlignmentAndPadding()).isEqualTo(lost);
    assertThat(kmalloc.kmalloc(24).address()).isEqualTo(live.address() + 32);
  }

  @Test
  void doubleAndUnknownFreesAreRefusedNamingTheAddress() {
    Kmalloc kmalloc = TestMachine.quiet("arm-noncoherent", "arm64").kmalloc();
    Allocation a = kmalloc.kmalloc(16);
    Allocation b = kmalloc.kmalloc(16);
    kmalloc.free(a.address());
    String address = "0x" + Long.toHexString(a.address());

    assertThatThrownBy(() -> kmalloc.free(a.address())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(address).hasMessageContaining("double free");
    assertThatThrownBy(() -> kmalloc.free(b.address() + 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x" + Long.toHexString(b.address() + 4));
    assertThatThrownBy(() -> kmalloc.free(0x1234)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x1234");
    assertThatThrownBy(() -> kmalloc.usableSize(a.address())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(address);

    assertThat(kmalloc.usableSize(b.address())).isEqualTo(16);
    assertThat(kmalloc.kmalloc(16).address()).isEqualTo(a.address());
  }

  @Test
  void findReturnsTheLiveAllocationContainingAnAddress() {
    Kmalloc kmalloc = TestMachine.quiet("x86", "x86-64").kmalloc();
    Allocation a = kmalloc.kmalloc(20);
    Allocation b = kmalloc.kmalloc(20);

    assertThat(kmalloc.find(a.address())).contains(a);
    assertThat(kmalloc.find(a.address() + 31)).contains(a);
    assertThat(kmalloc.find(b.address() + 5)).contains(b);
    assertThat(kmalloc.find(b.address() + 32)).isEmpty();
    assertThat(kmalloc.find(a.address() - 1)).isEmpty();
    kmalloc.free(a.address());
    assertThat(kmalloc.find(a.address() + 4)).isEmpty();
  }

  @Test
  void bytesLostAreClassSizeMinusRequestedOverLiveObjects() {
    Kmalloc kmalloc = TestMachine.quiet("arm-noncoherent", "armv7").kmalloc();
    Allocation a = kmalloc.kmalloc(16);
    kmalloc.kmalloc(100);

    assertThat(kmalloc.bytesLostToAlignmentAndPadding()).isEqualTo((64 - 16) + (128 - 100));
    kmalloc.free(a.address());
    assertThat(kmalloc.bytesLostToAlignmentAndPadding()).isEqualTo(128 - 100);
  }
}
