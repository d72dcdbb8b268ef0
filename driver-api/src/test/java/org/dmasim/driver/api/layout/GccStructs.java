package org.dmasim.driver.api.layout;

import static org.dmasim.driver.api.layout.CType.CHAR;
import static org.dmasim.driver.api.layout.CType.DOUBLE;
import static org.dmasim.driver.api.layout.CType.FLOAT;
import static org.dmasim.driver.api.layout.CType.INT;
import static org.dmasim.driver.api.layout.CType.LE32;
import static org.dmasim.driver.api.layout.CType.LONG;
import static org.dmasim.driver.api.layout.CType.LONG_LONG;
import static org.dmasim.driver.api.layout.CType.POINTER;
import static org.dmasim.driver.api.layout.CType.S16;
import static org.dmasim.driver.api.layout.CType.SHORT;
import static org.dmasim.driver.api.layout.CType.SIGNED_CHAR;
import static org.dmasim.driver.api.layout.CType.U16;
import static org.dmasim.driver.api.layout.CType.U32;
import static org.dmasim.driver.api.layout.CType.U64;
import static org.dmasim.driver.api.layout.CType.U8;
import static org.dmasim.driver.api.layout.CType.UNSIGNED_CHAR;
import static org.dmasim.driver.api.layout.CType.UNSIGNED_INT;
import static org.dmasim.driver.api.layout.CType.UNSIGNED_LONG;
import static org.dmasim.driver.api.layout.CType.UNSIGNED_SHORT;

import java.util.List;

/** The structs of src/test/resources/layout/structs.c, declared field for field. */
final class GccStructs {
  private GccStructs() {}

  static final StructDeclaration IOSTRUCT = StructDeclaration.named("iostruct")
      .field("ifield", INT)
      .array("buffer", CHAR, 16)
      .build();

  /** {@code ____cacheline_aligned} is gcc's aligned(64) on all three targets (L1_CACHE_BYTES 64). */
  static final StructDeclaration IOSTRUCT_ALIGNED = StructDeclaration.named("iostruct_aligned")
      .field("ifield", INT)
      .array("buffer", CHAR, 16, FieldAnnotation.cachelineAligned())
      .build();

  static final StructDeclaration MIX = StructDeclaration.named("mix")
      .field("c", CHAR)
      .field("s", SHORT)
      .field("l", LONG)
      .field("c2", CHAR)
      .field("p", POINTER)
      .field("uc", UNSIGNED_CHAR)
      .field("sc", SIGNED_CHAR)
      .field("ll", LONG_LONG)
      .field("us", UNSIGNED_SHORT)
      .field("f", FLOAT)
      .field("d", DOUBLE)
      .field("ul", UNSIGNED_LONG)
      .field("ui", UNSIGNED_INT)
      .field("tail", CHAR)
      .build();

  static final StructDeclaration HDR = StructDeclaration.named("hdr")
      .field("type", U8)
      .field("len", U32)
      .build();

  static final StructDeclaration PACKET = StructDeclaration.named("packet")
      .field("id", U16)
      .struct("hdr", HDR)
      .array("words", U16, 3)
      .array("extra", HDR, 2)
      .field("flags", U8)
      .build();

  static final StructDeclaration HUB_LIKE = StructDeclaration.named("hub_like")
      .field("intfdev", POINTER)
      .array("request", U8, 8)
      .field("status", LE32)
      .field("error", INT)
      .build();

  static final StructDeclaration IIO_STATE = StructDeclaration.named("iio_state")
      .field("lock", INT)
      .field("something", U32)
      .array("rx_buf", U8, 4)
      .build();

  static final StructDeclaration IIO_STATE_ALIGNED = StructDeclaration.named("iio_state_aligned")
      .field("lock", INT)
      .field("something", U32)
      .array("rx_buf", U8, 4, FieldAnnotation.aligned(128))
      .build();

  static final StructDeclaration STRADDLE = StructDeclaration.named("straddle")
      .array("pad", CHAR, 60)
      .field("x", LONG_LONG)
      .field("y", INT)
      .array("z", CHAR, 70)
      .field("w", INT)
      .build();

  static final StructDeclaration TAIL_SHORT = StructDeclaration.named("tail_short")
      .field("a", U64)
      .field("tail", S16)
      .build();

  static final StructDeclaration INT_LL = StructDeclaration.named("int_ll")
      .field("a", INT)
      .field("b", LONG_LONG)
      .build();

  static final StructDeclaration NESTED_PADDING = StructDeclaration.named("nested_padding")
      .field("c", CHAR)
      .struct("in", TAIL_SHORT)
      .field("after", INT)
      .build();

  static final StructDeclaration ALIGNED_MEMBER = StructDeclaration.named("aligned_member")
      .field("c", CHAR)
      .struct("in", IOSTRUCT_ALIGNED)
      .build();

  /** Every struct pahole prints for structs.c, in its order. */
  static final List<StructDeclaration> ALL = List.of(IOSTRUCT, IOSTRUCT_ALIGNED, MIX, HDR, PACKET, HUB_LIKE,
      IIO_STATE, IIO_STATE_ALIGNED, STRADDLE, TAIL_SHORT, INT_LL, NESTED_PADDING, ALIGNED_MEMBER);
}
