package org.dmasim.driver.api.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dmasim.driver.api.Target.ARMV7;
import static org.dmasim.driver.api.Target.I386;
import static org.dmasim.driver.api.Target.X86_64;
import static org.dmasim.driver.api.layout.GccStructs.ALIGNED_MEMBER;
import static org.dmasim.driver.api.layout.GccStructs.HDR;
import static org.dmasim.driver.api.layout.GccStructs.HUB_LIKE;
import static org.dmasim.driver.api.layout.GccStructs.IIO_STATE;
import static org.dmasim.driver.api.layout.GccStructs.IIO_STATE_ALIGNED;
import static org.dmasim.driver.api.layout.GccStructs.INT_LL;
import static org.dmasim.driver.api.layout.GccStructs.IOSTRUCT;
import static org.dmasim.driver.api.layout.GccStructs.IOSTRUCT_ALIGNED;
import static org.dmasim.driver.api.layout.GccStructs.MIX;
import static org.dmasim.driver.api.layout.GccStructs.NESTED_PADDING;
import static org.dmasim.driver.api.layout.GccStructs.PACKET;
import static org.dmasim.driver.api.layout.GccStructs.STRADDLE;
import static org.dmasim.driver.api.layout.GccStructs.TAIL_SHORT;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dmasim.driver.api.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Offsets, sizes, holes and padding as gcc 12 laid out src/test/resources/layout/structs.c for
 * x86-64 ({@code gcc}), i386 ({@code gcc -m32}) and ARMv7 EABI hard-float
 * ({@code arm-linux-gnueabihf-gcc}), read off pahole 1.24's output; struct alignments as
 * alignments.c checks them with {@code _Static_assert}.
 */
class StructLayoutGccTest {

  /** struct, target, size, alignment, sum of holes, tail padding, then "field offset size" per field. */
  static Stream<Arguments> gccLayouts() {
    return Stream.of(
        gcc(IOSTRUCT, X86_64, 20, 4, 0, 0, "ifield 0 4", "buffer 4 16"),
        gcc(IOSTRUCT, I386, 20, 4, 0, 0, "ifield 0 4", "buffer 4 16"),
        gcc(IOSTRUCT, ARMV7, 20, 4, 0, 0, "ifield 0 4", "buffer 4 16"),

        gcc(IOSTRUCT_ALIGNED, X86_64, 128, 64, 60, 48, "ifield 0 4", "buffer 64 16"),
        gcc(IOSTRUCT_ALIGNED, I386, 128, 64, 60, 48, "ifield 0 4", "buffer 64 16"),
        gcc(IOSTRUCT_ALIGNED, ARMV7, 128, 64, 60, 48, "ifield 0 4", "buffer 64 16"),

        gcc(MIX, X86_64, 80, 8, 20, 3, "c 0 1", "s 2 2", "l 8 8", "c2 16 1", "p 24 8", "uc 32 1", "sc 33 1",
            "ll 40 8", "us 48 2", "f 52 4", "d 56 8", "ul 64 8", "ui 72 4", "tail 76 1"),
        gcc(MIX, I386, 56, 4, 8, 3, "c 0 1", "s 2 2", "l 4 4", "c2 8 1", "p 12 4", "uc 16 1", "sc 17 1",
            "ll 20 8", "us 28 2", "f 32 4", "d 36 8", "ul 44 4", "ui 48 4", "tail 52 1"),
        gcc(MIX, ARMV7, 64, 8, 12, 7, "c 0 1", "s 2 2", "l 4 4", "c2 8 1", "p 12 4", "uc 16 1", "sc 17 1",
            "ll 24 8", "us 32 2", "f 36 4", "d 40 8", "ul 48 4", "ui 52 4", "tail 56 1"),

        gcc(HDR, X86_64, 8, 4, 3, 0, "type 0 1", "len 4 4"),
        gcc(HDR, I386, 8, 4, 3, 0, "type 0 1", "len 4 4"),
        gcc(HDR, ARMV7, 8, 4, 3, 0, "type 0 1", "len 4 4"),

        gcc(PACKET, X86_64, 40, 4, 4, 3, "id 0 2", "hdr 4 8", "words 12 6", "extra 20 16", "flags 36 1"),
        gcc(PACKET, I386, 40, 4, 4, 3, "id 0 2", "hdr 4 8", "words 12 6", "extra 20 16", "flags 36 1"),
        gcc(PACKET, ARMV7, 40, 4, 4, 3, "id 0 2", "hdr 4 8", "words 12 6", "extra 20 16", "flags 36 1"),

        gcc(HUB_LIKE, X86_64, 24, 8, 0, 0, "intfdev 0 8", "request 8 8", "status 16 4", "error 20 4"),
        gcc(HUB_LIKE, I386, 20, 4, 0, 0, "intfdev 0 4", "request 4 8", "status 12 4", "error 16 4"),
        gcc(HUB_LIKE, ARMV7, 20, 4, 0, 0, "intfdev 0 4", "request 4 8", "status 12 4", "error 16 4"),

        gcc(IIO_STATE, X86_64, 12, 4, 0, 0, "lock 0 4", "something 4 4", "rx_buf 8 4"),
        gcc(IIO_STATE, I386, 12, 4, 0, 0, "lock 0 4", "something 4 4", "rx_buf 8 4"),
        gcc(IIO_STATE, ARMV7, 12, 4, 0, 0, "lock 0 4", "something 4 4", "rx_buf 8 4"),

        gcc(IIO_STATE_ALIGNED, X86_64, 256, 128, 120, 124, "lock 0 4", "something 4 4", "rx_buf 128 4"),
        gcc(IIO_STATE_ALIGNED, I386, 256, 128, 120, 124, "lock 0 4", "something 4 4", "rx_buf 128 4"),
        gcc(IIO_STATE_ALIGNED, ARMV7, 256, 128, 120, 124, "lock 0 4", "something 4 4", "rx_buf 128 4"),

        gcc(STRADDLE, X86_64, 152, 8, 6, 0, "pad 0 60", "x 64 8", "y 72 4", "z 76 70", "w 148 4"),
        gcc(STRADDLE, I386, 148, 4, 2, 0, "pad 0 60", "x 60 8", "y 68 4", "z 72 70", "w 144 4"),
        gcc(STRADDLE, ARMV7, 152, 8, 6, 0, "pad 0 60", "x 64 8", "y 72 4", "z 76 70", "w 148 4"),

        gcc(TAIL_SHORT, X86_64, 16, 8, 0, 6, "a 0 8", "tail 8 2"),
        gcc(TAIL_SHORT, I386, 12, 4, 0, 2, "a 0 8", "tail 8 2"),
        gcc(TAIL_SHORT, ARMV7, 16, 8, 0, 6, "a 0 8", "tail 8 2"),

        gcc(INT_LL, X86_64, 16, 8, 4, 0, "a 0 4", "b 8 8"),
        gcc(INT_LL, I386, 12, 4, 0, 0, "a 0 4", "b 4 8"),
        gcc(INT_LL, ARMV7, 16, 8, 4, 0, "a 0 4", "b 8 8"),

        gcc(NESTED_PADDING, X86_64, 32, 8, 7, 4, "c 0 1", "in 8 16", "after 24 4"),
        gcc(NESTED_PADDING, I386, 20, 4, 3, 0, "c 0 1", "in 4 12", "after 16 4"),
        gcc(NESTED_PADDING, ARMV7, 32, 8, 7, 4, "c 0 1", "in 8 16", "after 24 4"),

        gcc(ALIGNED_MEMBER, X86_64, 192, 64, 63, 0, "c 0 1", "in 64 128"),
        gcc(ALIGNED_MEMBER, I386, 192, 64, 63, 0, "c 0 1", "in 64 128"),
        gcc(ALIGNED_MEMBER, ARMV7, 192, 64, 63, 0, "c 0 1", "in 64 128"));
  }

  @ParameterizedTest(name = "struct {0} on {1}")
  @MethodSource("gccLayouts")
  void layoutIsGccs(String name, String profile, StructDeclaration struct, Target target, int size, int alignment,
      int sumHoles, int padding, List<String> expectedFields) {
    StructLayout layout = struct.layout(target);

    assertThat(layout.fields())
        .extracting(field -> field.name() + " " + field.offset() + " " + field.size())
        .containsExactlyElementsOf(expectedFields);
    assertThat(layout.size()).as("sizeof").isEqualTo(size);
    assertThat(layout.alignment()).as("_Alignof").isEqualTo(alignment);
    assertThat(layout.sumHoles()).as("sum holes").isEqualTo(sumHoles);
    assertThat(layout.tailPadding()).as("padding").isEqualTo(padding);
  }

  @Test
  void holesAreReportedBeforeTheFieldTheyPrecede() {
    StructLayout mix = MIX.layout(X86_64);

    assertThat(mix.fields()).extracting(field -> field.name() + ":" + mix.holeBefore(field.name()))
        .containsExactly("c:0", "s:1", "l:4", "c2:0", "p:7", "uc:0", "sc:0", "ll:6", "us:0", "f:2", "d:0", "ul:0",
            "ui:0", "tail:0");
    assertThat(IOSTRUCT_ALIGNED.layout(ARMV7).holeBefore("buffer")).isEqualTo(60);
  }

  @Test
  void fieldLayoutsCarryTheCTypeAndTheAlignment() {
    StructLayout packet = PACKET.layout(ARMV7);

    assertThat(packet.field("extra")).isEqualTo(new FieldLayout("extra", "struct hdr[2]", 20, 16, 4));
    assertThat(packet.field("words")).isEqualTo(new FieldLayout("words", "u16[3]", 12, 6, 2));
    assertThat(MIX.layout(I386).field("ll")).isEqualTo(new FieldLayout("ll", "long long", 20, 8, 4));
    assertThat(MIX.layout(ARMV7).field("us")).isEqualTo(new FieldLayout("us", "unsigned short", 32, 2, 2));
    assertThat(IOSTRUCT_ALIGNED.layout(X86_64).field("buffer").alignment()).isEqualTo(64);
  }

  @Test
  void theIfieldSharesItsCacheLineWithTheBuffer() {
    for (Target target : List.of(X86_64, I386, ARMV7)) {
      StructLayout iostruct = IOSTRUCT.layout(target);
      assertThat(iostruct.fieldsSharingLineWith("ifield", target.cacheLineSize())).containsExactly("buffer");
      assertThat(iostruct.fieldsSharingLineWith("buffer", target.cacheLineSize())).containsExactly("ifield");

      StructLayout aligned = IOSTRUCT_ALIGNED.layout(target);
      assertThat(aligned.fieldsSharingLineWith("buffer", target.cacheLineSize())).isEmpty();
      assertThat(aligned.fieldsSharingLineWith("buffer", 128)).containsExactly("ifield");
    }
  }

  @Test
  void whereTheStructStartsDecidesWhichFieldsShareALine() {
    StructLayout iostruct = IOSTRUCT.layout(ARMV7);

    assertThat(iostruct.fieldsSharingLineWith("ifield", 32, 28)).isEmpty();
    assertThat(iostruct.fieldsSharingLineWith("buffer", 32, 20)).containsExactly("ifield");
    assertThat(iostruct.fieldsSharingLineWith("buffer", 32, 0x1000)).containsExactly("ifield");
  }

  @Test
  void theHubsDeviceWrittenStatusSharesALineWithTheRequestAndTheCpusFields() {
    assertThat(HUB_LIKE.layout(ARMV7).fieldsSharingLineWith("status", 32))
        .containsExactly("intfdev", "request", "error");
    assertThat(IIO_STATE.layout(ARMV7).fieldsSharingLineWith("rx_buf", 32)).containsExactly("lock", "something");
    assertThat(IIO_STATE_ALIGNED.layout(ARMV7).fieldsSharingLineWith("rx_buf", 64)).isEmpty();
  }

  @Test
  void anUnknownFieldIsReportedWithTheFieldNamesAndTheClosestOne() {
    StructLayout iostruct = IOSTRUCT.layout(X86_64);

    assertThatThrownBy(() -> iostruct.field("bufer"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("struct iostruct has no field 'bufer'")
        .hasMessageContaining("ifield, buffer")
        .hasMessageContaining("Did you mean 'buffer'?");
    assertThatThrownBy(() -> iostruct.holeBefore("nothing_like_it"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nothing_like_it'")
        .hasMessageNotContaining("Did you mean");
    assertThatThrownBy(() -> iostruct.fieldsSharingLineWith("ifeld", 64))
        .hasMessageContaining("Did you mean 'ifield'?");
  }

  @Test
  void badLineSizesAndAddressesAreRefused() {
    StructLayout iostruct = IOSTRUCT.layout(X86_64);

    assertThatThrownBy(() -> iostruct.fieldsSharingLineWith("ifield", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> iostruct.fieldsSharingLineWith("ifield", 24))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24");
    assertThatThrownBy(() -> iostruct.fieldsSharingLineWith("ifield", 64, -8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-8");
  }

  @Test
  void aLayoutThatGccCouldNotProduceIsRefused() {
    List<FieldLayout> overlapping = List.of(new FieldLayout("ifield", "int", 0, 4, 4),
        new FieldLayout("buffer", "char[16]", 2, 16, 1));

    assertThatThrownBy(() -> new StructLayout(IOSTRUCT, X86_64, overlapping, 20, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
    assertThatThrownBy(() -> new FieldLayout("ifield", "int", 2, 4, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset 2");
  }

  private static Arguments gcc(StructDeclaration struct, Target target, int size, int alignment, int sumHoles,
      int padding, String... fields) {
    return Arguments.of(struct.name(), target.profile(), struct, target, size, alignment, sumHoles, padding,
        Arrays.asList(fields));
  }
}
