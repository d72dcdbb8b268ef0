package org.dmasim.samples.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.RecordingChoiceSource.Choice;
import org.dmasim.samples.drivers.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule file's format, its errors, the strict replay source and the bounded source. */
class ScheduleFileTest {
  private static final Schedule SCHEDULE = new Schedule(List.of(
      new Choice(ChoicePoint.SPONTANEOUS_EVICTION, 2, 0),
      new Choice(ChoicePoint.DEVICE_LATENCY, 4, 1),
      new Choice(ChoicePoint.SPECULATIVE_FILL, 2, 1),
      new Choice(ChoicePoint.SPECULATIVE_FILL_TARGET, 3, 2)), 16, Outcome.STALE_READ);

  @Test
  void aScheduleSurvivesTheRoundTrip() {
    String text = ScheduleFile.format(SCHEDULE, List.of("a header line"));
    assertThat(text).startsWith("# dmasim schedule\n# a header line\n").contains("burst-bytes 16\n")
        .contains("expect STALE_READ\n").contains("SPONTANEOUS_EVICTION 2 0\n")
        .contains("SPECULATIVE_FILL 2 1   # 3: the core fills a line nobody asked for\n");
    ScheduleFile.Read read = ScheduleFile.parse(text.lines().toList(), "file");
    assertThat(read.schedule()).isEqualTo(SCHEDULE);
    assertThat(read.schedule().nonQuiet()).isEqualTo(3);
    assertThat(read.lines()).hasSize(4).isSorted();
  }

  @Test
  void aFileThatCannotBeReadSaysWhy(@TempDir Path directory) throws IOException {
    assertThatThrownBy(() -> ScheduleFile.read(directory.resolve("none.schedule")))
        .hasMessageEndingWith("none.schedule: no such file");
    assertThatThrownBy(() -> ScheduleFile.read(directory)).hasMessageEndingWith(": it is a directory");
    Path latin = Files.write(directory.resolve("latin.schedule"),
        new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
    assertThatThrownBy(() -> ScheduleFile.read(latin)).hasMessageEndingWith(": it is not UTF-8 text");
  }

  @Test
  void aMalformedLineIsNamed() {
    assertThatThrownBy(() -> ScheduleFile.parse(List.of("# c", "", "SPECULATIVE_FIL 2 1"), "f"))
        .hasMessageContaining("f line 3").hasMessageContaining("unknown choice point 'SPECULATIVE_FIL'");
    assertThatThrownBy(() -> ScheduleFile.parse(List.of("BUS_ARBITRATION 2 2"), "f"))
        .hasMessageContaining("f line 1").hasMessageContaining("answer");
    assertThatThrownBy(() -> ScheduleFile.parse(List.of("BUS_ARBITRATION 2"), "f"))
        .hasMessageContaining("expected 'POINT OPTIONS ANSWER'");
    assertThatThrownBy(() -> ScheduleFile.parse(List.of("burst-bytes 12"), "f")).hasMessageContaining("power of two");
    assertThatThrownBy(() -> ScheduleFile.parse(List.of("expect FINE"), "f")).hasMessageContaining("unknown outcome");
    assertThatThrownBy(() -> ScheduleFile.parse(List.of("BUS_ARBITRATION x 1"), "f"))
        .hasMessageContaining("'x' is not a number");
  }

  @Test
  void theReplaySourceAnswersInOrderAndNamesTheLineWhereARunDiverges() {
    ScheduleFile.Read read = ScheduleFile.parse(ScheduleFile.format(SCHEDULE, List.of()).lines().toList(), "s");
    ScheduleChoiceSource source = new ScheduleChoiceSource(read.schedule(), read.lines(), "s");
    assertThat(source.choose(ChoicePoint.BUS_ARBITRATION, 1)).as("one option needs no line").isZero();
    assertThat(source.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2)).isZero();
    assertThat(source.choose(ChoicePoint.DEVICE_LATENCY, 4)).isEqualTo(1);
    assertThatThrownBy(() -> source.choose(ChoicePoint.BUS_ARBITRATION, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at line " + read.lines().get(2))
        .hasMessageContaining("expected SPECULATIVE_FILL with 2 options, the machine asked BUS_ARBITRATION with 2");
    ScheduleChoiceSource unfinished = new ScheduleChoiceSource(read.schedule(), read.lines(), "s");
    unfinished.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2);
    assertThatThrownBy(unfinished::checkFinished).hasMessageContaining("ended after 1 choices, before line "
        + read.lines().get(1));
    ScheduleChoiceSource done = new ScheduleChoiceSource(SCHEDULE);
    for (Choice choice : SCHEDULE.choices()) {
      assertThat(done.choose(choice.point(), choice.options())).isEqualTo(choice.value());
    }
    done.checkFinished();
    assertThatThrownBy(() -> done.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2))
        .hasMessageContaining("after its last choice");
  }

  @Test
  void theBoundedSourceSpendsEachBudgetOnceAndOffersTheFirstLatencies() {
    ExplorationBounds bounds = new ExplorationBounds(1, 2, 0, 2, 16);
    int[] asked = new int[1];
    ChoiceSource eager = (point, options) -> {
      asked[0] = Math.max(asked[0], point == ChoicePoint.DEVICE_LATENCY ? options : 0);
      return options - 1;
    };
    BoundedChoiceSource bounded = new BoundedChoiceSource(bounds, eager);
    int evictions = 0;
    int fills = 0;
    int deviceFirst = 0;
    for (int i = 0; i < 10; i++) {
      evictions += bounded.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2);
      fills += bounded.choose(ChoicePoint.SPECULATIVE_FILL, 2);
      deviceFirst += bounded.choose(ChoicePoint.BUS_ARBITRATION, 2);
      assertThat(bounded.choose(ChoicePoint.EVICTION_VICTIM, 5)).isEqualTo(4);
      assertThat(bounded.choose(ChoicePoint.DEVICE_LATENCY, 4)).isEqualTo(1);
    }
    assertThat(evictions).isEqualTo(1);
    assertThat(fills).isEqualTo(2);
    assertThat(deviceFirst).isZero();
    assertThat(asked[0]).as("the latency is asked with the bounded number of options").isEqualTo(2);
  }
}
