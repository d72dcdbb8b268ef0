package org.dmasim.driver.api.layout;

import java.util.Objects;
import org.dmasim.driver.api.Target;

/**
 * The C scalar types and the kernel's fixed-size aliases. {@code long} and pointers take their
 * size from the target's data model; {@code long long}, {@code double} and the 64-bit aliases
 * are 8 bytes aligned to {@link Target#eightByteAlignment()} (4 on i386, 8 elsewhere).
 */
public enum CType implements FieldType {
  /** {@code char}. */
  CHAR("char", "char", Width.ONE),
  /** {@code signed char}. */
  SIGNED_CHAR("signed char", "signed char", Width.ONE),
  /** {@code unsigned char}. */
  UNSIGNED_CHAR("unsigned char", "unsigned char", Width.ONE),
  /** {@code short}. */
  SHORT("short", "short int", Width.TWO),
  /** {@code unsigned short}. */
  UNSIGNED_SHORT("unsigned short", "short unsigned int", Width.TWO),
  /** {@code int}. */
  INT("int", "int", Width.FOUR),
  /** {@code unsigned int}. */
  UNSIGNED_INT("unsigned int", "unsigned int", Width.FOUR),
  /** {@code long}: {@link Target#longSize()} bytes. */
  LONG("long", "long int", Width.LONG),
  /** {@code unsigned long}: {@link Target#longSize()} bytes. */
  UNSIGNED_LONG("unsigned long", "long unsigned int", Width.LONG),
  /** {@code long long}. */
  LONG_LONG("long long", "long long int", Width.EIGHT),
  /** {@code unsigned long long}. */
  UNSIGNED_LONG_LONG("unsigned long long", "long long unsigned int", Width.EIGHT),
  /** {@code void *}: {@link Target#pointerSize()} bytes. */
  POINTER("void *", "void *", Width.POINTER),
  /** {@code float}. */
  FLOAT("float", "float", Width.FOUR),
  /** {@code double}. */
  DOUBLE("double", "double", Width.EIGHT),
  /** {@code u8} ({@code unsigned char}). */
  U8("u8", "u8", Width.ONE),
  /** {@code u16} ({@code unsigned short}). */
  U16("u16", "u16", Width.TWO),
  /** {@code u32} ({@code unsigned int}). */
  U32("u32", "u32", Width.FOUR),
  /** {@code u64} ({@code unsigned long long}). */
  U64("u64", "u64", Width.EIGHT),
  /** {@code s8} ({@code signed char}). */
  S8("s8", "s8", Width.ONE),
  /** {@code s16} ({@code short}). */
  S16("s16", "s16", Width.TWO),
  /** {@code s32} ({@code int}). */
  S32("s32", "s32", Width.FOUR),
  /** {@code s64} ({@code long long}). */
  S64("s64", "s64", Width.EIGHT),
  /** {@code __le16}, a little-endian {@code u16}. */
  LE16("__le16", "__le16", Width.TWO),
  /** {@code __le32}, a little-endian {@code u32}. */
  LE32("__le32", "__le32", Width.FOUR),
  /** {@code __le64}, a little-endian {@code u64}. */
  LE64("__le64", "__le64", Width.EIGHT),
  /** {@code __be16}, a big-endian {@code u16}. */
  BE16("__be16", "__be16", Width.TWO),
  /** {@code __be32}, a big-endian {@code u32}. */
  BE32("__be32", "__be32", Width.FOUR),
  /** {@code __be64}, a big-endian {@code u64}. */
  BE64("__be64", "__be64", Width.EIGHT);

  private enum Width { ONE, TWO, FOUR, LONG, POINTER, EIGHT }

  private final String typeName;
  private final String debugName;
  private final Width width;

  CType(String typeName, String debugName, Width width) {
    this.typeName = typeName;
    this.debugName = debugName;
    this.width = width;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  /**
   * The name gcc gives the type in its debugging information, which pahole prints:
   * {@code "short unsigned int"} for {@code unsigned short}; kernel aliases keep their typedef name.
   */
  public String debugName() {
    return debugName;
  }

  @Override
  public int size(Target target) {
    Objects.requireNonNull(target, "target");
    return switch (width) {
      case ONE -> 1;
      case TWO -> 2;
      case FOUR -> 4;
      case LONG -> target.longSize();
      case POINTER -> target.pointerSize();
      case EIGHT -> 8;
    };
  }

  @Override
  public int alignment(Target target) {
    return width == Width.EIGHT ? target.eightByteAlignment() : size(target);
  }
}
