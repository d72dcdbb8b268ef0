package org.dmasim.driver.api.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmasim.driver.api.layout.FieldAnnotation.dmaBuffer;

import java.util.List;
import org.dmasim.driver.api.Target;
import org.junit.jupiter.api.Test;

/**
 * The proposed {@code __dma_buffer}, which has no C equivalent to compare with: on a
 * non-coherent target the buffer starts on a DMA alignment boundary and the next field on the
 * following one; on a coherent target the layout is the plain one.
 */
class DmaBufferTest {
  private static final StructDeclaration IOSTRUCT = StructDeclaration.named("iostruct")
      .field("ifield", CType.INT)
      .array("buffer", CType.CHAR, 16, dmaBuffer())
      .field("after", CType.INT)
      .build();
  private static final StructDeclaration PLAIN = StructDeclaration.named("iostruct")
      .field("ifield", CType.INT)
      .array("buffer", CType.CHAR, 16)
      .field("after", CType.INT)
      .build();
  /** arm64 before Linux 6.5: ARCH_DMA_MINALIGN 128 behind 64-byte L1 lines. */
  private static final Target ARM64_CWG128 = new Target("arm-noncoherent", "arm64-cwg128", 8, 8, 8, 64, 64, 128,
      false);

  @Test
  void onArmv7TheBufferHasItsDmaAlignedLinesToItself() {
    StructLayout layout = IOSTRUCT.layout(Target.ARMV7);

    FieldLayout buffer = layout.field("buffer");
    assertThat(buffer.offset()).isEqualTo(64);
    assertThat(buffer.alignment()).isEqualTo(64);
    assertThat(layout.field("after").offset()).isEqualTo(128);
    assertThat(layout.holeBefore("after")).isEqualTo(128 - 80);
    assertThat(layout.size()).isEqualTo(192);
    assertThat(layout.alignment()).isEqualTo(64);
    assertThat(layout.fieldsSharingLineWith("buffer", Target.ARMV7.cacheLineSize())).isEmpty();
    assertThat(layout.fieldsSharingLineWith("buffer", Target.ARMV7.dmaAlignment())).isEmpty();
  }

  @Test
  void aBufferLongerThanTheAlignmentPushesTheNextFieldToTheBoundaryAfterItsEnd() {
    StructDeclaration big = StructDeclaration.named("big")
        .field("ifield", CType.INT)
        .array("buffer", CType.U8, 100, dmaBuffer())
        .field("after", CType.U8)
        .build();

    StructLayout layout = big.layout(Target.ARMV7);

    assertThat(layout.field("buffer").offset()).isEqualTo(64);
    assertThat(layout.field("after").offset()).isEqualTo(192);
    assertThat(layout.size()).isEqualTo(256);
  }

  @Test
  void aBufferLastInTheStructIsPaddedToTheBoundary() {
    StructDeclaration last = StructDeclaration.named("iio_state")
        .field("lock", CType.INT)
        .field("something", CType.U32)
        .array("rx_buf", CType.U8, 4, dmaBuffer())
        .build();

    StructLayout layout = last.layout(Target.ARMV7);

    assertThat(layout.field("rx_buf").offset()).isEqualTo(64);
    assertThat(layout.size()).isEqualTo(128);
    assertThat(layout.tailPadding()).isEqualTo(60);
  }

  @Test
  void everyDmaBufferGetsItsOwnLines() {
    StructDeclaration hub = StructDeclaration.named("hub_like")
        .field("intfdev", CType.POINTER)
        .array("request", CType.U8, 8, dmaBuffer())
        .field("status", CType.LE32, dmaBuffer())
        .field("error", CType.INT)
        .build();

    StructLayout layout = hub.layout(Target.ARMV7);

    assertThat(layout.fields()).extracting(FieldLayout::offset).containsExactly(0, 64, 128, 192);
    assertThat(layout.fieldsSharingLineWith("request", 64)).isEmpty();
    assertThat(layout.fieldsSharingLineWith("status", 64)).isEmpty();
  }

  @Test
  void itAlignsToArchDmaMinalignWhereCachelineAlignedIsNotEnough() {
    StructDeclaration cachelineAligned = StructDeclaration.named("iostruct")
        .field("ifield", CType.INT)
        .array("buffer", CType.CHAR, 16, FieldAnnotation.cachelineAligned())
        .field("after", CType.INT)
        .build();

    assertThat(cachelineAligned.layout(ARM64_CWG128).fieldsSharingLineWith("buffer", 128))
        .containsExactly("ifield", "after");
    StructLayout layout = IOSTRUCT.layout(ARM64_CWG128);
    assertThat(layout.field("buffer").offset()).isEqualTo(128);
    assertThat(layout.field("after").offset()).isEqualTo(256);
    assertThat(layout.fieldsSharingLineWith("buffer", 128)).isEmpty();
  }

  @Test
  void onCoherentTargetsItChangesNothing() {
    for (Target target : List.of(Target.X86_64, Target.I386)) {
      StructLayout annotated = IOSTRUCT.layout(target);
      StructLayout plain = PLAIN.layout(target);

      assertThat(annotated.fields()).isEqualTo(plain.fields());
      assertThat(annotated.size()).isEqualTo(plain.size());
      assertThat(annotated.alignment()).isEqualTo(plain.alignment());
      assertThat(annotated.toPahole(64)).isEqualTo(plain.toPahole(64));
      assertThat(annotated.fieldsSharingLineWith("buffer", 64)).containsExactly("ifield", "after");
    }
  }
}
