package org.dmasim.driver.api.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmasim.driver.api.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StructLayout#toPahole(int)} against what pahole 1.24 printed for gcc 12's objects
 * (src/test/resources/layout/*.pahole, see the README there): the structs of structs.c, and 80
 * random structs (random-structs.c) as a differential check. Compared line by line, exactly:
 * tabs, spaces and blank lines included; nothing is normalised.
 */
class PaholeFormatTest {

  static Stream<Arguments> recordedStructs() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Object[] abi : new Object[][] {
        {Target.X86_64, 64, "x86_64.pahole"}, {Target.I386, 64, "i386.pahole"}, {Target.ARMV7, 32, "armv7.pahole"}}) {
      Map<String, List<String>> recorded = blocks((String) abi[2]);
      assertThat(recorded.keySet()).containsExactlyElementsOf(
          GccStructs.ALL.stream().map(StructDeclaration::name).toList());
      for (StructDeclaration struct : GccStructs.ALL) {
        cases.add(Arguments.of(abi[2], struct.name(), abi[0], abi[1], struct, recorded.get(struct.name())));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} struct {1}")
  @MethodSource("recordedStructs")
  void printsWhatPaholePrintsForGcc(String file, String name, Target target, int lineSize, StructDeclaration struct,
      List<String> expected) {
    assertThat(struct.layout(target).toPahole(lineSize).split("\n", -1))
        .containsExactlyElementsOf(withEmptyLastLine(expected));
  }

  static Stream<Arguments> randomStructs() {
    return Stream.of(Arguments.of("random-structs.x86_64.pahole", Target.X86_64, 64),
        Arguments.of("random-structs.i386.pahole", Target.I386, 64),
        Arguments.of("random-structs.armv7.pahole", Target.ARMV7, 32));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("randomStructs")
  void printsWhatPaholePrintsForRandomStructs(String file, Target target, int lineSize) throws IOException {
    List<StructDeclaration> structs = RandomStructs.parse(resource("random-structs.c"));
    Map<String, List<String>> recorded = blocks(file);

    assertThat(recorded.keySet()).containsExactlyElementsOf(structs.stream().map(StructDeclaration::name).toList());
    for (StructDeclaration struct : structs) {
      assertThat(struct.layout(target).toPahole(lineSize).split("\n", -1)).as("struct %s", struct.name())
          .containsExactlyElementsOf(withEmptyLastLine(recorded.get(struct.name())));
    }
  }

  @Test
  void theIostructOnArmv7IsPrintedExactlyAsPahole() {
    assertThat(GccStructs.IOSTRUCT.layout(Target.ARMV7).toPahole(32)).isEqualTo(String.join("\n",
        "struct iostruct {",
        "\tint                        ifield;               /*     0     4 */",
        "\tchar                       buffer[16];           /*     4    16 */",
        "",
        "\t/* size: 20, cachelines: 1, members: 2 */",
        "\t/* last cacheline: 20 bytes */",
        "};",
        ""));
  }

  @Test
  void aDmaBufferIsShownWithItsAlignmentAndThePaddingAfterItAsAHole() {
    StructDeclaration iostruct = StructDeclaration.named("iostruct")
        .field("ifield", CType.INT)
        .array("buffer", CType.CHAR, 16, FieldAnnotation.dmaBuffer())
        .field("after", CType.INT)
        .build();

    assertThat(iostruct.layout(Target.ARMV7).toPahole(32)).isEqualTo(String.join("\n",
        "struct iostruct {",
        "\tint                        ifield;               /*     0     4 */",
        "",
        "\t/* XXX 60 bytes hole, try to pack */",
        "",
        "\t/* --- cacheline 2 boundary (64 bytes) --- */",
        "\tchar                       buffer[16] __attribute__((__aligned__(64))); /*    64    16 */",
        "",
        "\t/* XXX 48 bytes hole, try to pack */",
        "",
        "\t/* --- cacheline 4 boundary (128 bytes) --- */",
        "\tint                        after;                /*   128     4 */",
        "",
        "\t/* size: 192, cachelines: 6, members: 3 */",
        "\t/* sum members: 24, holes: 2, sum holes: 108 */",
        "\t/* padding: 60 */",
        "\t/* forced alignments: 1, forced holes: 1, sum forced holes: 60 */",
        "} __attribute__((__aligned__(64)));",
        ""));
  }

  @Test
  void aLineSizeThatIsNotAPowerOfTwoIsRefused() {
    assertThatThrownBy(() -> GccStructs.IOSTRUCT.layout(Target.X86_64).toPahole(48))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("48");
  }

  static String resource(String name) throws IOException {
    try (InputStream in = PaholeFormatTest.class.getResourceAsStream("/layout/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> withEmptyLastLine(List<String> lines) {
    List<String> all = new ArrayList<>(lines);
    all.add("");
    return all;
  }

  /** The recorded output cut into one block per struct, "struct x {" to the closing "}...;". */
  private static Map<String, List<String>> blocks(String resource) throws IOException {
    String text = resource(resource);
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("struct ") && line.endsWith(" {")) {
        current = new ArrayList<>();
        blocks.put(line.substring("struct ".length(), line.length() - 2), current);
      }
      assertThat(current).as("line outside a struct in %s: %s", resource, line).isNotNull();
      current.add(line);
      if (line.startsWith("}")) {
        current = null;
      }
    }
    return blocks;
  }
}
