package org.dmasim.driver.api.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.dmasim.driver.api.Target;
import org.junit.jupiter.api.Test;

/** Sizes and alignments of the C types per data model, and the names gcc and pahole use. */
class CTypeTest {

  @Test
  void sizesAndAlignmentsFollowTheTargetsDataModel() {
    // type -> {size, alignment} on x86-64, i386, ARMv7 EABI (as gcc 12 gives sizeof and _Alignof in a struct)
    Map<CType, int[]> expected = new EnumMap<>(CType.class);
    expected.put(CType.CHAR, new int[] {1, 1, 1, 1, 1, 1});
    expected.put(CType.SIGNED_CHAR, new int[] {1, 1, 1, 1, 1, 1});
    expected.put(CType.UNSIGNED_CHAR, new int[] {1, 1, 1, 1, 1, 1});
    expected.put(CType.SHORT, new int[] {2, 2, 2, 2, 2, 2});
    expected.put(CType.UNSIGNED_SHORT, new int[] {2, 2, 2, 2, 2, 2});
    expected.put(CType.INT, new int[] {4, 4, 4, 4, 4, 4});
    expected.put(CType.UNSIGNED_INT, new int[] {4, 4, 4, 4, 4, 4});
    expected.put(CType.LONG, new int[] {8, 8, 4, 4, 4, 4});
    expected.put(CType.UNSIGNED_LONG, new int[] {8, 8, 4, 4, 4, 4});
    expected.put(CType.LONG_LONG, new int[] {8, 8, 8, 4, 8, 8});
    expected.put(CType.UNSIGNED_LONG_LONG, new int[] {8, 8, 8, 4, 8, 8});
    expected.put(CType.POINTER, new int[] {8, 8, 4, 4, 4, 4});
    expected.put(CType.FLOAT, new int[] {4, 4, 4, 4, 4, 4});
    expected.put(CType.DOUBLE, new int[] {8, 8, 8, 4, 8, 8});
    expected.put(CType.U8, new int[] {1, 1, 1, 1, 1, 1});
    expected.put(CType.S8, new int[] {1, 1, 1, 1, 1, 1});
    expected.put(CType.U16, new int[] {2, 2, 2, 2, 2, 2});
    expected.put(CType.S16, new int[] {2, 2, 2, 2, 2, 2});
    expected.put(CType.LE16, new int[] {2, 2, 2, 2, 2, 2});
    expected.put(CType.BE16, new int[] {2, 2, 2, 2, 2, 2});
    expected.put(CType.U32, new int[] {4, 4, 4, 4, 4, 4});
    expected.put(CType.S32, new int[] {4, 4, 4, 4, 4, 4});
    expected.put(CType.LE32, new int[] {4, 4, 4, 4, 4, 4});
    expected.put(CType.BE32, new int[] {4, 4, 4, 4, 4, 4});
    expected.put(CType.U64, new int[] {8, 8, 8, 4, 8, 8});
    expected.put(CType.S64, new int[] {8, 8, 8, 4, 8, 8});
    expected.put(CType.LE64, new int[] {8, 8, 8, 4, 8, 8});
    expected.put(CType.BE64, new int[] {8, 8, 8, 4, 8, 8});

    assertThat(expected.keySet()).containsExactly(CType.values());
    expected.forEach((type, figures) -> {
      assertThat(new int[] {type.size(Target.X86_64), type.alignment(Target.X86_64), type.size(Target.I386),
          type.alignment(Target.I386), type.size(Target.ARMV7), type.alignment(Target.ARMV7)})
          .as(type.name()).containsExactly(figures);
    });
  }

  @Test
  void namesAreCsAndDebugNamesAreGccs() {
    assertThat(CType.UNSIGNED_SHORT.typeName()).isEqualTo("unsigned short");
    assertThat(CType.UNSIGNED_SHORT.debugName()).isEqualTo("short unsigned int");
    assertThat(CType.UNSIGNED_LONG.debugName()).isEqualTo("long unsigned int");
    assertThat(CType.LONG_LONG.debugName()).isEqualTo("long long int");
    assertThat(CType.POINTER.typeName()).isEqualTo("void *");
    assertThat(CType.LE32.typeName()).isEqualTo("__le32");
    assertThat(CType.LE32.debugName()).isEqualTo("__le32");
  }
}
