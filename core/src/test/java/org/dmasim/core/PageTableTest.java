package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTableTest {
  private static final int PAGE = PageTable.PAGE_SIZE;
  /** An x86-64-style direct map base: a negative long. */
  private static final long LINEAR = 0xffff_8880_0000_0000L;

  private final EventQueueTime time = new EventQueueTime();
  private final RecordingTrace trace = new RecordingTrace(true, time);
  private final PageTable table = new PageTable(trace);

  @Test
  void mappedPagesTranslateWithOffsetAndAttribute() {
    table.map(0x10000, 0x5000, 2 * PAGE, PageAttribute.WRITE_COMBINE);

    assertThat(table.translate(0x10123))
        .isEqualTo(new Translation(0x10123, 0x5123, PageAttribute.WRITE_COMBINE));
    assertThat(table.translate(0x11fff).physicalAddress()).isEqualTo(0x6fff);
    assertThat(table.lookup(0x12000)).isNull();
    assertThat(table.lookup(0xffff)).isNull();
  }

  @Test
  void translatingAnUnmappedAddressThrowsAnAddressFaultNamingIt() {
    table.map(0x10000, 0x5000, PAGE, PageAttribute.WRITE_BACK);

    AddressFault fault = catchThrowableOfType(AddressFault.class, () -> table.translate(0x12345));

    assertThat(fault.address()).isEqualTo(0x12345);
    assertThat(fault).hasMessageContaining("0x12345").hasMessageContaining("not mapped")
        .hasMessageContaining("1 single pages");
  }

  @Test
  void unmapRemovesOnlyTheGivenPages() {
    table.map(0x10000, 0x5000, 3 * PAGE, PageAttribute.WRITE_BACK);

    table.unmap(0x11000, PAGE);

    assertThat(table.lookup(0x11000)).isNull();
    assertThatThrownBy(() -> table.translate(0x11800)).isInstanceOf(AddressFault.class);
    assertThat(table.translate(0x10000).physicalAddress()).isEqualTo(0x5000);
    assertThat(table.translate(0x12000).physicalAddress()).isEqualTo(0x7000);
  }

  @Test
  void unmapOfARangeWithAnUnmappedPageThrowsAndRemovesNothing() {
    table.map(0x10000, 0x5000, PAGE, PageAttribute.WRITE_BACK);

    assertThatThrownBy(() -> table.unmap(0x10000, 2 * PAGE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x11000").hasMessageContaining("not mapped");

    assertThat(table.translate(0x10000).physicalAddress()).isEqualTo(0x5000);
  }

  @Test
  void anUnmappedPageCanBeMappedAgainElsewhere() {
    table.map(0x10000, 0x5000, PAGE, PageAttribute.WRITE_BACK);
    table.unmap(0x10000, PAGE);

    table.map(0x10000, 0x9000, PAGE, PageAttribute.UNCACHED);

    assertThat(table.translate(0x10010)).isEqualTo(new Translation(0x10010, 0x9010, PageAttribute.UNCACHED));
  }

  @Test
  void highNegativeVirtualAddressesMapAndTranslate() {
    long virtual = 0xffff_ffff_fff0_0000L;
    table.map(virtual, 0x1000, 2 * PAGE, PageAttribute.UNCACHED);

    assertThat(table.translate(virtual + 0x1abc).physicalAddress()).isEqualTo(0x2abc);
    assertThat(table.lookup(virtual - 1)).isNull();
    assertThat(table.lookup(virtual + 2 * PAGE)).isNull();
  }

  @Test
  void aRegionTranslatesEveryAddressItCovers() {
    table.mapRegion(LINEAR, 0, 1L << 30, PageAttribute.WRITE_BACK);

    assertThat(table.translate(LINEAR)).isEqualTo(new Translation(LINEAR, 0, PageAttribute.WRITE_BACK));
    assertThat(table.translate(LINEAR + 0x1234_5678L).physicalAddress()).isEqualTo(0x1234_5678L);
    assertThat(table.translate(LINEAR + (1L << 30) - 1).physicalAddress()).isEqualTo((1L << 30) - 1);
    assertThat(table.lookup(LINEAR + (1L << 30))).isNull();
    assertThat(table.lookup(LINEAR - 1)).isNull();
    assertThat(table.lookup(0x1000)).isNull();
  }

  @Test
  void mappingAPageInsideARegionIsADoubleMap() {
    table.mapRegion(0x100_0000, 0, 16 * PAGE, PageAttribute.WRITE_BACK);

    assertThatThrownBy(() -> table.map(0x100_3000, 0x40_0000, PAGE, PageAttribute.UNCACHED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x1003000")
        .hasMessageContaining("already mapped");
    assertThat(table.translate(0x100_3000).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
  }

  @Test
  void setAttributeOnAPageInsideARegionChangesOnlyThatPage() {
    table.mapRegion(LINEAR, 0, 64 * PAGE, PageAttribute.WRITE_BACK);

    table.setAttribute(LINEAR + 3 * PAGE, PAGE, PageAttribute.UNCACHED);

    assertThat(table.translate(LINEAR + 3 * PAGE + 0xabc))
        .isEqualTo(new Translation(LINEAR + 3 * PAGE + 0xabc, 3 * PAGE + 0xabc, PageAttribute.UNCACHED));
    assertThat(table.translate(LINEAR + 3 * PAGE + PAGE - 1).attribute()).isEqualTo(PageAttribute.UNCACHED);
    assertThat(table.translate(LINEAR + 3 * PAGE - 1).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
    assertThat(table.translate(LINEAR + 4 * PAGE).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
    assertThat(table.translate(LINEAR + 4 * PAGE).physicalAddress()).isEqualTo(4 * PAGE);
  }

  @Test
  void setAttributeCoversEveryPageAnUnalignedRangeTouches() {
    table.mapRegion(LINEAR, 0, 64 * PAGE, PageAttribute.WRITE_BACK);

    // 0x1800 bytes from the middle of page 5 touch pages 5 and 6 only.
    table.setAttribute(LINEAR + 5 * PAGE + 0x800, PAGE + 0x800, PageAttribute.WRITE_COMBINE);

    assertThat(table.translate(LINEAR + 5 * PAGE).attribute()).isEqualTo(PageAttribute.WRITE_COMBINE);
    assertThat(table.translate(LINEAR + 6 * PAGE + 0xfff).attribute()).isEqualTo(PageAttribute.WRITE_COMBINE);
    assertThat(table.translate(LINEAR + 7 * PAGE).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
    assertThat(table.translate(LINEAR + 4 * PAGE + 0xfff).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
  }

  @Test
  void setAttributeIncludesAPageThatOnlyTheLastByteOfTheRangeTouches() {
    table.mapRegion(LINEAR, 0, 64 * PAGE, PageAttribute.WRITE_BACK);

    table.setAttribute(LINEAR + 10 * PAGE, PAGE + 1, PageAttribute.UNCACHED);

    assertThat(table.translate(LINEAR + 10 * PAGE).attribute()).isEqualTo(PageAttribute.UNCACHED);
    assertThat(table.translate(LINEAR + 11 * PAGE).attribute()).isEqualTo(PageAttribute.UNCACHED);
    assertThat(table.translate(LINEAR + 12 * PAGE).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
    assertThat(trace.events()).hasSize(2);
  }

  @Test
  void setAttributeOnMappedPagesKeepsTheirPhysicalAddress() {
    table.map(0x20000, 0x7000, 2 * PAGE, PageAttribute.WRITE_BACK);

    table.setAttribute(0x21000, PAGE, PageAttribute.UNCACHED);

    assertThat(table.translate(0x21004)).isEqualTo(new Translation(0x21004, 0x8004, PageAttribute.UNCACHED));
    assertThat(table.translate(0x20004)).isEqualTo(new Translation(0x20004, 0x7004, PageAttribute.WRITE_BACK));
  }

  @Test
  void setAttributeRecordsOneAttributeChangePerPageInAnEnabledTrace() {
    table.mapRegion(LINEAR, 0, 64 * PAGE, PageAttribute.WRITE_BACK);
    time.advance(42);

    table.setAttribute(LINEAR + 2 * PAGE + 0x10, PAGE, PageAttribute.UNCACHED);

    List<TraceEvent> events = trace.events();
    assertThat(events).extracting(TraceEvent::kind)
        .containsExactly(TraceEvent.Kind.ATTRIBUTE_CHANGE, TraceEvent.Kind.ATTRIBUTE_CHANGE);
    assertThat(events).extracting(TraceEvent::address).containsExactly(LINEAR + 2 * PAGE, LINEAR + 3 * PAGE);
    assertThat(events.get(0).detail()).contains("WRITE_BACK").contains("UNCACHED");
    assertThat(events.get(0).time()).isEqualTo(42);
  }

  @Test
  void setAttributeWithADisabledTraceRecordsNothing() {
    RecordingTrace off = new RecordingTrace(false, time);
    PageTable quiet = new PageTable(off);
    quiet.map(0x10000, 0, PAGE, PageAttribute.WRITE_BACK);

    quiet.setAttribute(0x10000, PAGE, PageAttribute.UNCACHED);

    assertThat(quiet.translate(0x10000).attribute()).isEqualTo(PageAttribute.UNCACHED);
    assertThat(off.events()).isEmpty();
  }

  @Test
  void setAttributeOverARangeWithAnUnmappedPageThrowsAndChangesNothing() {
    table.map(0x10000, 0x5000, 2 * PAGE, PageAttribute.WRITE_BACK);
    // 0x12000 is not mapped.

    AddressFault fault = catchThrowableOfType(AddressFault.class,
        () -> table.setAttribute(0x10000, 3 * PAGE, PageAttribute.UNCACHED));

    assertThat(fault.address()).isEqualTo(0x12000);
    assertThat(table.translate(0x10000).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
    assertThat(table.translate(0x11000).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
    assertThat(table.lookup(0x12000)).isNull();
    assertThat(trace.events()).isEmpty();
  }

  @Test
  void setAttributeRejectsANonPositiveLength() {
    table.map(0x10000, 0x5000, PAGE, PageAttribute.WRITE_BACK);

    assertThatThrownBy(() -> table.setAttribute(0x10000, 0, PageAttribute.UNCACHED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length").hasMessageContaining("0");
    assertThat(table.translate(0x10000).attribute()).isEqualTo(PageAttribute.WRITE_BACK);
  }

  @Test
  void unalignedVirtualAddressIsRejectedNamingBothAddresses() {
    assertThatThrownBy(() -> table.map(0x10001, 0x5000, PAGE, PageAttribute.WRITE_BACK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x10001")
        .hasMessageContaining("0x5000").hasMessageContaining("page-aligned");
    assertThat(table.lookup(0x10000)).isNull();
  }

  @Test
  void unalignedPhysicalAddressIsRejectedNamingIt() {
    assertThatThrownBy(() -> table.map(0x10000, 0x5080, PAGE, PageAttribute.WRITE_BACK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x5080");
    assertThatThrownBy(() -> table.mapRegion(0x10000, 0x5080, PAGE, PageAttribute.WRITE_BACK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x5080");
    assertThat(table.lookup(0x10000)).isNull();
  }

  @Test
  void zeroOrPartialPageLengthIsRejectedNamingTheLength() {
    assertThatThrownBy(() -> table.map(0x10000, 0x5000, 0, PageAttribute.WRITE_BACK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 0");
    assertThatThrownBy(() -> table.mapRegion(0x10000, 0x5000, 0, PageAttribute.WRITE_BACK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 0");
    assertThatThrownBy(() -> table.map(0x10000, 0x5000, 6144, PageAttribute.WRITE_BACK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6144");
    assertThatThrownBy(() -> table.unmap(0x10000, -PAGE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-4096");
    assertThat(table.lookup(0x10000)).isNull();
  }

  @Test
  void doubleMapThrowsNamingThePageAndMapsNothingNew() {
    table.map(0x11000, 0x5000, PAGE, PageAttribute.WRITE_BACK);

    assertThatThrownBy(() -> table.map(0x10000, 0x9000, 2 * PAGE, PageAttribute.UNCACHED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x11000")
        .hasMessageContaining("already mapped");

    assertThat(table.lookup(0x10000)).isNull();
    assertThat(table.translate(0x11000)).isEqualTo(new Translation(0x11000, 0x5000, PageAttribute.WRITE_BACK));
  }
}
