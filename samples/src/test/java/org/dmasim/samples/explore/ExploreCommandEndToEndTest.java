package org.dmasim.samples.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmasim.samples.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explore}, {@code run --schedule} and {@code compare --exhaustive} driven the way a user
 * drives them: the shortest schedule written by explore replays to its outcome, a schedule that
 * does not fit the run is refused with its line, and the exhaustive JSON carries proven counts.
 */
class ExploreCommandEndToEndTest {
  @TempDir
  Path directory;

  private record Run(int status, String out, String err) {}

  /** Runs the command line with standard output and error captured. */
  private static synchronized Run dmasim(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int status = Main.run(args);
      System.out.flush();
      System.err.flush();
      return new Run(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void theShortestScheduleExploreWritesReplaysWithRun() throws IOException {
    Run explore = dmasim("explore", "--sample", "iostruct", "--strategy", "embedded", "--arch", "mips", "--profile",
        "r4k", "--schedule-out", directory.toString());
    assertThat(explore.status()).as(explore.err()).isZero();
    assertThat(explore.out()).containsPattern("Explored \\d+ executions \\(\\d+ more runs? cut at a merged state\\),"
        + " \\d+ distinct states, \\d+ transitions in [0-9.]+ s")
        .contains("distinct states/s").contains("bounds: ").contains("reductions: state merging")
        .containsPattern("OK\\s+Never").containsPattern("DMA_DATA_CORRUPTED\\s+Sometimes")
        .contains("Shortest schedule to DMA_DATA_CORRUPTED").contains(">>");
    Path schedule = directory.resolve("iostruct-embedded-r4k-DMA_DATA_CORRUPTED.schedule");
    assertThat(schedule).exists();
    assertThat(explore.out()).contains("schedule written to " + schedule);
    assertThat(Files.readString(schedule)).contains("burst-bytes 16").contains("expect DMA_DATA_CORRUPTED")
        .contains("SPONTANEOUS_EVICTION 2 1");

    Run replay = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "mips", "--profile",
        "r4k", "--schedule", schedule.toString(), "--trace");
    assertThat(replay.status()).as(replay.err()).isZero();
    assertThat(replay.out().lines().findFirst().orElseThrow()).contains("schedule " + schedule)
        .endsWith(": DMA_DATA_CORRUPTED");
    assertThat(replay.out()).doesNotContain("the schedule expected").contains("<<< DAMAGE");
  }

  @Test
  void aScheduleThatDoesNotFitTheRunIsRefusedWithItsLine() throws IOException {
    Run explore = dmasim("explore", "--sample", "iostruct", "--strategy", "embedded", "--arch", "mips", "--profile",
        "r4k", "--schedule-out", directory.toString());
    assertThat(explore.status()).as(explore.err()).isZero();
    Path schedule = directory.resolve("iostruct-embedded-r4k-STALE_READ.schedule");
    Run elsewhere = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "x86", "--schedule",
        schedule.toString());
    assertThat(elsewhere.status()).isEqualTo(2);
    assertThat(elsewhere.err()).contains("diverged from " + schedule).containsPattern("line \\d+");

    Path broken = directory.resolve("broken.schedule");
    Files.writeString(broken, "burst-bytes 16\nSPONTANEOUS_EVICTION 2 7\n");
    Run malformed = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "mips", "--schedule",
        broken.toString());
    assertThat(malformed.status()).isEqualTo(2);
    assertThat(malformed.err()).contains(broken + " line 2");
  }

  @Test
  void compareExhaustiveFillsTheMatrixWithProvenVerdicts() throws IOException {
    Path report = directory.resolve("exhaustive.json");
    Run run = dmasim("compare", "--exhaustive", "--sample", "iostruct", "--strategy", "embedded,cacheline-aligned",
        "--arch", "x86,arm-noncoherent/armv7,mips/r4k", "--threads", "2", "--format", "json", "--out",
        report.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("exhaustive").asBoolean()).isTrue();
    assertThat(json.get("bounds").asText()).contains("spontaneous eviction");
    List<JsonNode> cells = new ArrayList<>();
    json.get("results").forEach(cells::add);
    assertThat(cells).hasSize(6);
    for (JsonNode cell : cells) {
      assertThat(cell.get("exhaustive").asBoolean()).isTrue();
      assertThat(cell.get("complete").asBoolean()).isTrue();
      assertThat(cell.get("executions").asLong()).isPositive();
      assertThat(cell.get("states").asLong()).isPositive();
      long executions = cell.get("executions").asLong();
      long counted = 0;
      for (JsonNode count : cell.get("outcomes")) {
        counted += count.asLong();
      }
      assertThat(counted).as("outcomes count the executions").isEqualTo(executions);
    }
    JsonNode r4k = cells.stream().filter(cell -> cell.get("strategy").asText().equals("embedded")
        && cell.get("profile").asText().equals("r4k")).findFirst().orElseThrow();
    assertThat(r4k.get("frequencies").get("OK").asText()).isEqualTo("Never");
    assertThat(r4k.get("expectation").asText()).isEqualTo("FORBIDDEN_OBSERVED");
    assertThat(r4k.get("shortest").get("DMA_DATA_CORRUPTED").get("nonQuiet").asInt()).isEqualTo(1);
    assertThat(r4k.get("failure").has("seed")).isFalse();
    JsonNode x86 = cells.stream().filter(cell -> cell.get("profile").asText().equals("x86-64")).findFirst()
        .orElseThrow();
    assertThat(x86.get("frequencies").get("OK").asText()).isEqualTo("Always");

    Run again = dmasim("compare", "--exhaustive", "--sample", "iostruct", "--strategy", "embedded,cacheline-aligned",
        "--arch", "x86,arm-noncoherent/armv7,mips/r4k", "--threads", "1", "--format", "json");
    assertThat(again.out()).as("the same JSON whatever the threads").isEqualTo(Files.readString(report));

    Run text = dmasim("compare", "--exhaustive", "--sample", "iostruct", "--strategy", "embedded", "--arch",
        "mips/r4k");
    assertThat(text.status()).as(text.err()).isZero();
    assertThat(text.out()).contains("exhaustive comparison").contains("STALE Sometimes").contains("EXPLORED")
        .contains("shortest schedule (");
  }
}
