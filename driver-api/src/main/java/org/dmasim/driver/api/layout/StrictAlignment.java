package org.dmasim.driver.api.layout;

import org.dmasim.driver.api.Target;

/**
 * What gcc does on its STRICT_ALIGNMENT targets (32-bit ARM and MIPS among dmasim's): a struct
 * that fits an integer machine mode (1, 2, 4 or 8 bytes, aligned to its size, with no member of
 * a block-only type) gets that mode, and {@code finalize_type_size} then clears its
 * TYPE_USER_ALIGN, so gcc records no DW_AT_alignment for it and pahole shows it as not
 * force-aligned. Offsets and sizes are not affected. The rules follow gcc 12's stor-layout.cc
 * ({@code compute_record_mode}, {@code layout_type}, {@code mode_for_array}).
 */
final class StrictAlignment {
  /** MAX_FIXED_MODE_SIZE on the 32-bit targets: DImode. */
  private static final int LARGEST_INTEGER_MODE = 8;

  /** A type's machine mode as far as it matters here. */
  private enum Mode {
    /** An integer or floating-point mode. */
    SCALAR,
    /** BLKmode only because the type is less aligned than the mode would need (TYPE_NO_FORCE_BLK). */
    BLOCK_FOR_ALIGNMENT,
    /** BLKmode, which makes any struct containing the type BLKmode too. */
    BLOCK
  }

  private StrictAlignment() {}

  /** Whether gcc drops the recorded alignment of the struct on the target. */
  static boolean dropsRecordedAlignment(StructDeclaration struct, Target target) {
    return isStrict(target) && mode(struct, target) == Mode.SCALAR;
  }

  private static boolean isStrict(Target target) {
    String architecture = target.architecture();
    return architecture.startsWith("mips") || (architecture.startsWith("arm") && target.pointerSize() == 4);
  }

  private static Mode mode(StructDeclaration struct, Target target) {
    for (FieldDeclaration field : struct.fields()) {
      if (mode(field, target) == Mode.BLOCK) {
        return Mode.BLOCK;
      }
    }
    StructLayout layout = struct.layout(target);
    return sized(layout.size(), layout.alignment());
  }

  private static Mode mode(FieldDeclaration field, Target target) {
    Mode element = field.type() instanceof StructDeclaration struct ? mode(struct, target) : Mode.SCALAR;
    if (!field.isArray()) {
      return element;
    }
    if (field.arrayLength() == 1) {
      return element == Mode.SCALAR ? Mode.SCALAR : Mode.BLOCK;
    }
    if (element == Mode.BLOCK) {
      return Mode.BLOCK;
    }
    return sized((long) field.type().size(target) * field.arrayLength(), field.typeAlign(target));
  }

  private static Mode sized(long size, int alignment) {
    if (size > LARGEST_INTEGER_MODE || Long.bitCount(size) != 1) {
      return Mode.BLOCK;
    }
    return alignment < size ? Mode.BLOCK_FOR_ALIGNMENT : Mode.SCALAR;
  }
}
