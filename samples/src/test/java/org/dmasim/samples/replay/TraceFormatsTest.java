package org.dmasim.samples.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three Dinero IV trace formats: the same references from each, and malformed records named by number. */
class TraceFormatsTest {
  record Ref(AccessType type, long address, int size) {}

  private static final List<Ref> REFERENCES = List.of(
      new Ref(AccessType.READ, 0x1000, 4), new Ref(AccessType.WRITE, 0x2004, 4),
      new Ref(AccessType.INSTRUCTION_FETCH, 0x400, 4), new Ref(AccessType.MISC, 0xfffffffcL, 4),
      new Ref(AccessType.COPY_BACK, 0x2000, 4), new Ref(AccessType.INVALIDATE, 0x2000, 4),
      new Ref(AccessType.READ, 0x3c, 4));

  @Test
  void dinExtendedAndBinaryGiveTheSameReferences() throws IOException {
    StringBuilder din = new StringBuilder();
    StringBuilder extended = new StringBuilder();
    ByteArrayOutputStream binary = new ByteArrayOutputStream();
    for (Ref ref : REFERENCES) {
      din.append(ref.type().code()).append(' ').append(Long.toHexString(ref.address())).append('\n');
      extended.append(ref.type().letter()).append(" 0x").append(Long.toHexString(ref.address())).append(' ')
          .append(Integer.toHexString(ref.size())).append('\n');
      long a = ref.address();
      binary.write(new byte[] {(byte) a, (byte) (a >> 8), (byte) (a >> 16), (byte) (a >> 24), (byte) ref.size(),
          (byte) (ref.size() >> 8), (byte) ref.type().code(), 0});
    }

    assertThat(read(din.toString().getBytes(StandardCharsets.US_ASCII), TraceFormat.DIN)).isEqualTo(REFERENCES);
    assertThat(read(extended.toString().getBytes(StandardCharsets.US_ASCII), TraceFormat.EXTENDED))
        .isEqualTo(REFERENCES);
    assertThat(read(binary.toByteArray(), TraceFormat.BINARY)).isEqualTo(REFERENCES);
  }

  @Test
  void dinReadsTheAlignedWordAsDineroIvDoesAndIgnoresTheRestOfALine() throws IOException {
    byte[] trace = "0 0x1003 ignored words\n1\t\t2006\r\n  2 7\n0X0 fff\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(read(trace, TraceFormat.DIN)).containsExactly(new Ref(AccessType.READ, 0x1000, 4),
        new Ref(AccessType.WRITE, 0x2004, 4), new Ref(AccessType.INSTRUCTION_FETCH, 4, 4),
        new Ref(AccessType.READ, 0xffc, 4));
  }

  @Test
  void extendedSizesAreHexadecimalAndSizeZeroMeansTheWholeCacheForMaintenance() throws IOException {
    byte[] trace = "R 100 10\nc 0 0\nV 0 0\nw 0x20 0x2\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(read(trace, TraceFormat.EXTENDED)).containsExactly(new Ref(AccessType.READ, 0x100, 16),
        new Ref(AccessType.COPY_BACK, 0, 0), new Ref(AccessType.INVALIDATE, 0, 0), new Ref(AccessType.WRITE, 0x20, 2));
  }

  @ParameterizedTest(name = "din {0}")
  @CsvSource(delimiter = '|', value = {
      "0 100\\n1 zz\\n|line 2: bad address 'zz': not a hexadecimal number",
      "0 100\\n0 1\\n7 100\\n|line 3: unknown access type label '7': must be 0 read, 1 write",
      "0 100\\n2\\n|line 2: missing address",
      "0 100\\n\\n0 4\\n|line 2: empty line",
      "r 100\\n|line 1: unknown access type label 'r': must be 0 read, 1 write, 2 instruction fetch, 3 misc, 4 copy-back or 5 invalidate (a letter starts a line of the extended format: --trace-format extended)",
      "c 100\\n|line 1: unknown access type label 'c': must be 0 read, 1 write, 2 instruction fetch, 3 misc, 4 copy-back or 5 invalidate (a letter starts a line of the extended format: --trace-format extended)",
      "R 100\\n|line 1: unknown access type label 'R': must be 0 read, 1 write, 2 instruction fetch, 3 misc, 4 copy-back or 5 invalidate (a letter starts a line of the extended format: --trace-format extended)",
      "0 10000000000000000\\n|line 1: bad address '10000000000000000': more than 64 bits"})
  void malformedDinLinesAreNamedByNumber(String trace, String message) {
    assertThatThrownBy(() -> read(unescape(trace), TraceFormat.DIN)).isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("test: ").hasMessageContaining(message);
  }

  @Test
  void aLabelThatIsNoExtendedLetterGetsNoHintAboutTheExtendedFormat() {
    assertThatThrownBy(() -> read(unescape("x 100\\n"), TraceFormat.DIN)).isInstanceOf(TraceFormatException.class)
        .hasMessageEndingWith("line 1: unknown access type label 'x': must be 0 read, 1 write, 2 instruction fetch,"
            + " 3 misc, 4 copy-back or 5 invalidate");
  }

  @ParameterizedTest(name = "extended {0}")
  @CsvSource(delimiter = '|', value = {
      "r 100 4\\nr 100\\n|line 2: missing size",
      "r 100 4\\nq 100 4\\n|line 2: unknown access type 'q': must be r read, w write",
      "rw 100 4\\n|line 1: unknown access type 'rw'",
      "r 100 4\\nw 0x1g 4\\n|line 2: bad address '0x1g': not a hexadecimal number",
      "r 100 4\\nr 100 4\\nr 100 zz\\n|line 3: bad size 'zz'",
      "r 100 0\\n|line 1: size 0: a read needs at least 1 byte",
      "r 100 10000\\n|line 1: size 0x10000 is too large: at most 0xffff bytes"})
  void malformedExtendedLinesAreNamedByNumber(String trace, String message) {
    assertThatThrownBy(() -> read(unescape(trace), TraceFormat.EXTENDED)).isInstanceOf(TraceFormatException.class)
        .hasMessageContaining(message);
  }

  @Test
  void malformedBinaryRecordsAreNamedByNumber() {
    byte[] goodThenBadType = {0, 1, 0, 0, 4, 0, 0, 0, 0, 2, 0, 0, 4, 0, 9, 0};
    byte[] truncated = {0, 1, 0, 0, 4, 0, 0, 0, 0, 2, 0};
    byte[] sizeZeroRead = {0, 1, 0, 0, 0, 0, 0, 0};

    assertThatThrownBy(() -> read(goodThenBadType, TraceFormat.BINARY)).isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("record 2: unknown access type 9");
    assertThatThrownBy(() -> read(truncated, TraceFormat.BINARY)).isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("record 2: the trace ends 3 bytes into this record");
    assertThatThrownBy(() -> read(sizeZeroRead, TraceFormat.BINARY)).isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("record 1: size 0");
  }

  @Test
  void formatsAreChosenByNameOrExtension() {
    assertThat(TraceFormat.ofFileName("a/b/trace.DIN")).isEqualTo(TraceFormat.DIN);
    assertThat(TraceFormat.ofFileName("trace.xdin")).isEqualTo(TraceFormat.EXTENDED);
    assertThat(TraceFormat.ofFileName("trace.bin")).isEqualTo(TraceFormat.BINARY);
    assertThat(TraceFormat.ofFileName("trace.txt")).isNull();
    assertThat(TraceFormat.parse("Extended")).isEqualTo(TraceFormat.EXTENDED);
    assertThatThrownBy(() -> TraceFormat.parse("dinero")).hasMessageContaining("din, extended or binary");
  }

  private static byte[] unescape(String text) {
    return text.replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static List<Ref> read(byte[] bytes, TraceFormat format) throws IOException {
    TraceReader reader = TraceReader.open(new ByteArrayInputStream(bytes), format, "test");
    TraceRecord record = new TraceRecord();
    List<Ref> refs = new ArrayList<>();
    while (reader.next(record)) {
      refs.add(new Ref(record.type, record.address, record.size));
    }
    return refs;
  }
}
