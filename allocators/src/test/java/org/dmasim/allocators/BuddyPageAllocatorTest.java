package org.dmasim.allocators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BuddyPageAllocatorTest {
  private static final long PAGE = PageAllocator.PAGE_SIZE;
  private static final long TOTAL_PAGES = (PhysicalLayout.PAGES_END - PhysicalLayout.PAGES_BASE) / PAGE;

  private final BuddyPageAllocator pages = new BuddyPageAllocator();

  @Test
  void managesSixteenMibToTheEndOfMemory() {
    assertThat(pages.freePages()).isEqualTo(TOTAL_PAGES);
    assertThat(pages.allocatePages(0)).isEqualTo(16L << 20);
  }

  @Test
  void takesTheLowestFreeNaturallyAlignedBlock() {
    long first = pages.allocatePages(0);
    long second = pages.allocatePages(1);
    long third = pages.allocatePages(0);
    long fourth = pages.allocatePages(2);

    assertThat(first).isEqualTo(PhysicalLayout.PAGES_BASE);
    assertThat(second).isEqualTo(PhysicalLayout.PAGES_BASE + 2 * PAGE);
    assertThat(third).isEqualTo(PhysicalLayout.PAGES_BASE + PAGE);
    assertThat(fourth).isEqualTo(PhysicalLayout.PAGES_BASE + 4 * PAGE);
  }

  @Test
  void everyOrderIsAlignedToItsSize() {
    for (int order = 0; order <= PhysicalLayout.MAX_ORDER; order++) {
      long block = pages.allocatePages(order);
      assertThat(block % (PAGE << order)).as("order " + order).isZero();
      assertThat(block).isGreaterThanOrEqualTo(PhysicalLayout.PAGES_BASE);
      assertThat(block + (PAGE << order)).isLessThanOrEqualTo(PhysicalLayout.PAGES_END);
    }
  }

  @Test
  void freeingMergesBuddiesBackIntoOneBlock() {
    long a = pages.allocatePages(0);
    long b = pages.allocatePages(0);
    pages.freePages(a, 0);
    pages.freePages(b, 0);

    assertThat(pages.freePages()).isEqualTo(TOTAL_PAGES);
    assertThat(pages.allocatePages(PhysicalLayout.MAX_ORDER)).isEqualTo(PhysicalLayout.PAGES_BASE);
  }

  @Test
  void freeingWithTheWrongOrderIsRefusedNamingAddressAndOrderAndChangesNothing() {
    long block = pages.allocatePages(2);
    long free = pages.freePages();

    assertThatThrownBy(() -> pages.freePages(block, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x1000000").hasMessageContaining("order 1").hasMessageContaining("order 2");
    assertThat(pages.freePages()).isEqualTo(free);
    pages.freePages(block, 2);
    assertThat(pages.freePages()).isEqualTo(TOTAL_PAGES);
  }

  @Test
  void freeingWhatIsNotAllocatedIsRefused() {
    long block = pages.allocatePages(0);
    pages.freePages(block, 0);

    assertThatThrownBy(() -> pages.freePages(block, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x1000000").hasMessageContaining("order 0");
    assertThatThrownBy(() -> pages.freePages(0x2000, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x2000");
    assertThat(pages.freePages()).isEqualTo(TOTAL_PAGES);
  }

  @Test
  void ordersOutsideZeroToTenAreRefused() {
    assertThatThrownBy(() -> pages.allocatePages(11)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11");
    assertThatThrownBy(() -> pages.allocatePages(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void runningOutOfMemoryIsReportedAndRecoverable() {
    List<Long> blocks = new ArrayList<>();
    for (long i = 0; i < TOTAL_PAGES >> PhysicalLayout.MAX_ORDER; i++) {
      blocks.add(pages.allocatePages(PhysicalLayout.MAX_ORDER));
    }
    assertThatThrownBy(() -> pages.allocatePages(0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Out of memory");
    pages.freePages(blocks.get(3), PhysicalLayout.MAX_ORDER);
    assertThat(pages.allocatePages(0)).isEqualTo(blocks.get(3));
  }

  @Test
  void randomAllocationsNeverOverlapAndAllComeBack() {
    SplittableRandom random = new SplittableRandom(42);
    List<long[]> live = new ArrayList<>();
    for (int step = 0; step < 3000; step++) {
      if (!live.isEmpty() && random.nextInt(3) == 0) {
        long[] block = live.remove(random.nextInt(live.size()));
        pages.freePages(block[0], (int) block[1]);
      } else {
        int order = random.nextInt(6);
        long address = pages.allocatePages(order);
        assertThat(address % (PAGE << order)).isZero();
        for (long[] other : live) {
          boolean disjoint = address + (PAGE << order) <= other[0] || other[0] + (PAGE << other[1]) <= address;
          assertThat(disjoint).as("block %x order %d overlaps %x order %d", address, order, other[0], other[1])
              .isTrue();
        }
        live.add(new long[] {address, order});
      }
    }
    for (long[] block : live) {
      pages.freePages(block[0], (int) block[1]);
    }
    assertThat(pages.allocatedBlocks()).isZero();
    assertThat(pages.freePages()).isEqualTo(TOTAL_PAGES);
    assertThat(pages.allocatePages(PhysicalLayout.MAX_ORDER)).isEqualTo(PhysicalLayout.PAGES_BASE);
  }

  @Test
  void orderForRoundsToAPowerOfTwoNumberOfPages() {
    assertThat(PageAllocator.orderFor(1)).isZero();
    assertThat(PageAllocator.orderFor(4096)).isZero();
    assertThat(PageAllocator.orderFor(4097)).isEqualTo(1);
    assertThat(PageAllocator.orderFor(3 * 4096)).isEqualTo(2);
    assertThat(PageAllocator.orderFor(4L << 20)).isEqualTo(10);
  }
}
