package org.dmasim.driver.api.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dmasim.driver.api.Target;
import org.junit.jupiter.api.Test;

/** Building declarations, refusing bad ones, and how annotations change alignment. */
class StructDeclarationTest {

  @Test
  void theBuilderKeepsFieldsInOrderWithTheirAnnotations() {
    StructDeclaration iostruct = StructDeclaration.named("iostruct")
        .field("ifield", CType.INT)
        .array("buffer", CType.CHAR, 16, FieldAnnotation.dmaBuffer())
        .build();

    assertThat(iostruct.fields()).containsExactly(
        new FieldDeclaration("ifield", CType.INT, 0, List.of()),
        new FieldDeclaration("buffer", CType.CHAR, 16, List.of(FieldAnnotation.dmaBuffer())));
    assertThat(iostruct.typeName()).isEqualTo("struct iostruct");
    assertThat(iostruct.fields().get(1).typeDescription()).isEqualTo("char[16]");
    assertThat(iostruct.size(Target.X86_64)).isEqualTo(20);
    assertThat(iostruct.alignment(Target.ARMV7)).isEqualTo(64);
  }

  @Test
  void duplicateFieldNamesAreRefused() {
    assertThatThrownBy(() -> StructDeclaration.named("s").field("a", CType.INT).array("a", CType.CHAR, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate field name 'a' in struct s");
    FieldDeclaration a = new FieldDeclaration("a", CType.INT, 0, List.of());
    assertThatThrownBy(() -> new StructDeclaration("s", List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
  }

  @Test
  void anEmptyStructIsRefused() {
    assertThatThrownBy(() -> StructDeclaration.named("empty").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("struct empty has no fields");
  }

  @Test
  void arrayLengthsBelowOneAreRefused() {
    assertThatThrownBy(() -> StructDeclaration.named("s").array("buffer", CType.CHAR, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'buffer'")
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> StructDeclaration.named("s").array("buffer", CType.CHAR, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -3");
    assertThatThrownBy(() -> new FieldDeclaration("buffer", CType.CHAR, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1");
  }

  @Test
  void blankAndNonCNamesAreRefused() {
    assertThatThrownBy(() -> StructDeclaration.named(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("struct name must not be blank, got ' '");
    assertThatThrownBy(() -> StructDeclaration.named(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
    assertThatThrownBy(() -> StructDeclaration.named("s").field("", CType.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field name must not be blank, got ''");
    assertThatThrownBy(() -> StructDeclaration.named("s").field("rx buf", CType.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'rx buf' is not a C identifier");
  }

  @Test
  void alignedTakesOnlyPowersOfTwo() {
    for (int bad : new int[] {0, 3, 48, -8}) {
      assertThatThrownBy(() -> FieldAnnotation.aligned(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("aligned(" + bad + ")");
    }
    assertThat(FieldAnnotation.aligned(1).alignment(Target.X86_64)).isEqualTo(1);
    assertThat(FieldAnnotation.aligned(4096).alignment(Target.X86_64)).isEqualTo(4096);
  }

  @Test
  void annotationsRaiseAlignmentButNeverLowerIt() {
    StructLayout lowered = StructDeclaration.named("s")
        .field("c", CType.CHAR)
        .field("i", CType.INT, FieldAnnotation.aligned(2))
        .build().layout(Target.X86_64);
    StructLayout raised = StructDeclaration.named("s")
        .field("c", CType.CHAR)
        .field("i", CType.INT, FieldAnnotation.aligned(2), FieldAnnotation.aligned(16), FieldAnnotation.aligned(8))
        .build().layout(Target.X86_64);

    assertThat(lowered.field("i")).isEqualTo(new FieldLayout("i", "int", 4, 4, 4));
    assertThat(lowered.size()).isEqualTo(8);
    assertThat(raised.field("i")).isEqualTo(new FieldLayout("i", "int", 16, 4, 16));
    assertThat(raised.size()).isEqualTo(32);
    assertThat(raised.alignment()).isEqualTo(16);
  }

  @Test
  void cachelineAlignedIsL1CacheBytesNotTheMaintenanceLineSize() {
    Target armv7 = Target.ARMV7;
    StructLayout layout = StructDeclaration.named("s")
        .field("c", CType.CHAR)
        .field("i", CType.INT, FieldAnnotation.cachelineAligned())
        .build().layout(armv7);

    assertThat(layout.field("i").offset()).isEqualTo(armv7.l1CacheBytes()).isNotEqualTo(armv7.cacheLineSize());
  }

  @Test
  void annotationsReadAsKernelSource() {
    assertThat(FieldAnnotation.aligned(64)).hasToString("__aligned(64)");
    assertThat(FieldAnnotation.cachelineAligned()).hasToString("____cacheline_aligned");
    assertThat(FieldAnnotation.dmaBuffer()).hasToString("__dma_buffer");
    assertThat(FieldAnnotation.dmaBuffer().appliesTo(Target.X86_64)).isFalse();
    assertThat(FieldAnnotation.dmaBuffer().alignment(Target.X86_64)).isEqualTo(1);
    assertThat(FieldAnnotation.dmaBuffer().alignment(Target.ARMV7)).isEqualTo(64);
  }

  @Test
  void declarationsAreImmutable() {
    StructDeclaration.Builder builder = StructDeclaration.named("s").field("a", CType.INT);
    StructDeclaration first = builder.build();
    builder.field("b", CType.INT);

    assertThat(first.fields()).hasSize(1);
    assertThatThrownBy(() -> first.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.layout(Target.X86_64).fields().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
