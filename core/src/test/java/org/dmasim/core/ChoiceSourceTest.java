package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceSourceTest {
  private static final ChoicePoint[] YES_NO = {ChoicePoint.BUS_ARBITRATION, ChoicePoint.SPONTANEOUS_EVICTION,
      ChoicePoint.SPECULATIVE_FILL};

  /** 100 mixed choices: every point, option counts from 2 to 9. */
  private static List<Integer> sample(ChoiceSource source) {
    List<Integer> answers = new ArrayList<>();
    ChoicePoint[] points = ChoicePoint.values();
    for (int i = 0; i < 100; i++) {
      answers.add(source.choose(points[i % points.length], 2 + i % 8));
    }
    return answers;
  }

  /** A hand-written source that answers a script in order and records what it was asked. */
  static final class ScriptedChoices implements ChoiceSource {
    final List<ChoicePoint> asked = new ArrayList<>();
    private final int[] script;
    private int next;

    ScriptedChoices(int... script) {
      this.script = script;
    }

    @Override
    public int choose(ChoicePoint point, int options) {
      asked.add(point);
      return script[next++];
    }
  }

  @Nested
  class Seeded {
    @Test
    void theSameSeedGivesTheSameSequence() {
      assertThat(sample(new SeededChoiceSource(1234, ChoiceRates.DEFAULT)))
          .isEqualTo(sample(new SeededChoiceSource(1234, ChoiceRates.DEFAULT)));
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
      assertThat(sample(new SeededChoiceSource(1234, ChoiceRates.DEFAULT)))
          .isNotEqualTo(sample(new SeededChoiceSource(1235, ChoiceRates.DEFAULT)));
    }

    @Test
    void everyAnswerLiesWithinTheOptionsAndEveryOptionOccurs() {
      SeededChoiceSource source = new SeededChoiceSource(7, ChoiceRates.DEFAULT);
      int[] seen = new int[5];
      for (int i = 0; i < 500; i++) {
        int answer = source.choose(ChoicePoint.EVICTION_VICTIM, 5);
        assertThat(answer).isBetween(0, 4);
        seen[answer]++;
      }
      assertThat(seen).doesNotContain(0);
    }

    @ParameterizedTest
    @EnumSource(ChoicePoint.class)
    void oneOptionAnswersZeroWithoutConsumingRandomness(ChoicePoint point) {
      SeededChoiceSource asked = new SeededChoiceSource(99, ChoiceRates.DEFAULT);
      SeededChoiceSource untouched = new SeededChoiceSource(99, ChoiceRates.DEFAULT);

      for (int i = 0; i < 5; i++) {
        assertThat(asked.choose(point, 1)).isZero();
      }

      assertThat(sample(asked)).isEqualTo(sample(untouched));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void fewerThanOneOptionIsRejectedNamingThePoint(int options) {
      SeededChoiceSource source = new SeededChoiceSource(1, ChoiceRates.DEFAULT);

      assertThatThrownBy(() -> source.choose(ChoicePoint.DEVICE_LATENCY, options))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEVICE_LATENCY")
          .hasMessageContaining(String.valueOf(options));
    }

    @Test
    void rateZeroAlwaysAnswersZeroForTheYesNoPoints() {
      SeededChoiceSource source = new SeededChoiceSource(5, new ChoiceRates(0, 0, 0));
      for (int i = 0; i < 300; i++) {
        for (ChoicePoint point : YES_NO) {
          assertThat(source.choose(point, 2)).as("%s", point).isZero();
        }
      }
    }

    @Test
    void rateOneAlwaysAnswersOneForTheYesNoPoints() {
      SeededChoiceSource source = new SeededChoiceSource(5, new ChoiceRates(1, 1, 1));
      for (int i = 0; i < 300; i++) {
        for (ChoicePoint point : YES_NO) {
          assertThat(source.choose(point, 2)).as("%s", point).isOne();
        }
      }
    }

    @Test
    void eachYesNoPointUsesItsOwnRate() {
      SeededChoiceSource source = new SeededChoiceSource(5, new ChoiceRates(1, 0, 1));
      for (int i = 0; i < 100; i++) {
        assertThat(source.choose(ChoicePoint.BUS_ARBITRATION, 2)).isOne();
        assertThat(source.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2)).isZero();
        assertThat(source.choose(ChoicePoint.SPECULATIVE_FILL, 2)).isOne();
      }
    }

    @Test
    void ratesDoNotBiasTheUniformPoints() {
      SeededChoiceSource source = new SeededChoiceSource(5, new ChoiceRates(0, 0, 0));
      boolean sawNonZero = false;
      for (int i = 0; i < 50; i++) {
        sawNonZero |= source.choose(ChoicePoint.REPLACEMENT_VICTIM, 4) != 0;
      }
      assertThat(sawNonZero).isTrue();
    }

    @Test
    void nullRatesAreRejected() {
      assertThatThrownBy(() -> new SeededChoiceSource(1, null)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rates");
    }
  }

  @Nested
  class Recording {
    @Test
    void recordsOnlyChoicesWithMoreThanOneOptionAndPassesAnswersThrough() {
      ScriptedChoices delegate = new ScriptedChoices(1, 0, 3, 0);
      RecordingChoiceSource recording = new RecordingChoiceSource(delegate);

      assertThat(recording.choose(ChoicePoint.BUS_ARBITRATION, 2)).isEqualTo(1);
      assertThat(recording.choose(ChoicePoint.EVICTION_VICTIM, 1)).isZero();
      assertThat(recording.choose(ChoicePoint.DEVICE_LATENCY, 4)).isEqualTo(3);
      assertThat(recording.choose(ChoicePoint.SPECULATIVE_FILL, 2)).isZero();

      assertThat(recording.choices()).containsExactly(
          new RecordingChoiceSource.Choice(ChoicePoint.BUS_ARBITRATION, 2, 1),
          new RecordingChoiceSource.Choice(ChoicePoint.DEVICE_LATENCY, 4, 3),
          new RecordingChoiceSource.Choice(ChoicePoint.SPECULATIVE_FILL, 2, 0));
      assertThat(delegate.asked).hasSize(4);
    }

    @Test
    void choicesIsASnapshotThatCannotBeModified() {
      RecordingChoiceSource recording = new RecordingChoiceSource(new ScriptedChoices(1, 1));
      recording.choose(ChoicePoint.BUS_ARBITRATION, 2);
      List<RecordingChoiceSource.Choice> snapshot = recording.choices();

      recording.choose(ChoicePoint.BUS_ARBITRATION, 2);

      assertThat(snapshot).hasSize(1);
      assertThat(recording.choices()).hasSize(2);
      assertThatThrownBy(() -> snapshot.add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNullDelegateIsRejected() {
      assertThatThrownBy(() -> new RecordingChoiceSource(null)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Fixed {
    @Test
    void fixedPointsAnswerTheirValueCappedToTheOptions() {
      FixedChoiceSource source = new FixedChoiceSource(
          Map.of(ChoicePoint.DEVICE_LATENCY, 3, ChoicePoint.BUS_ARBITRATION, 0), new ScriptedChoices());

      assertThat(source.choose(ChoicePoint.DEVICE_LATENCY, 4)).isEqualTo(3);
      assertThat(source.choose(ChoicePoint.DEVICE_LATENCY, 10)).isEqualTo(3);
      assertThat(source.choose(ChoicePoint.DEVICE_LATENCY, 2)).isEqualTo(1);
      assertThat(source.choose(ChoicePoint.DEVICE_LATENCY, 1)).isZero();
      assertThat(source.choose(ChoicePoint.BUS_ARBITRATION, 2)).isZero();
    }

    @Test
    void otherPointsFallBackToTheOtherSource() {
      ScriptedChoices fallback = new ScriptedChoices(1, 2);
      FixedChoiceSource source = new FixedChoiceSource(Map.of(ChoicePoint.BUS_ARBITRATION, 1), fallback);

      assertThat(source.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2)).isEqualTo(1);
      assertThat(source.choose(ChoicePoint.BUS_ARBITRATION, 2)).isEqualTo(1);
      assertThat(source.choose(ChoicePoint.EVICTION_VICTIM, 5)).isEqualTo(2);

      assertThat(fallback.asked).containsExactly(ChoicePoint.SPONTANEOUS_EVICTION, ChoicePoint.EVICTION_VICTIM);
    }

    @Test
    void anEmptyMapSendsEverythingToTheFallback() {
      ScriptedChoices fallback = new ScriptedChoices(1);
      FixedChoiceSource source = new FixedChoiceSource(Map.of(), fallback);

      assertThat(source.choose(ChoicePoint.BUS_ARBITRATION, 2)).isEqualTo(1);
      assertThat(fallback.asked).containsExactly(ChoicePoint.BUS_ARBITRATION);
    }

    @Test
    void laterChangesToTheGivenMapDoNotAffectTheSource() {
      Map<ChoicePoint, Integer> fixed = new EnumMap<>(ChoicePoint.class);
      fixed.put(ChoicePoint.BUS_ARBITRATION, 1);
      FixedChoiceSource source = new FixedChoiceSource(fixed, new ScriptedChoices());

      fixed.put(ChoicePoint.BUS_ARBITRATION, 0);

      assertThat(source.choose(ChoicePoint.BUS_ARBITRATION, 2)).isEqualTo(1);
    }

    @Test
    void fewerThanOneOptionOnAFixedPointIsRejectedNamingThePoint() {
      FixedChoiceSource source = new FixedChoiceSource(Map.of(ChoicePoint.DEVICE_LATENCY, 2), new ScriptedChoices());

      assertThatThrownBy(() -> source.choose(ChoicePoint.DEVICE_LATENCY, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEVICE_LATENCY");
    }

    @Test
    void negativeOrNullFixedValuesAndNullArgumentsAreRejected() {
      ChoiceSource fallback = new ScriptedChoices();
      Map<ChoicePoint, Integer> withNull = new HashMap<>();
      withNull.put(ChoicePoint.SPECULATIVE_FILL, null);

      assertThatThrownBy(() -> new FixedChoiceSource(Map.of(ChoicePoint.SPECULATIVE_FILL, -1), fallback))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SPECULATIVE_FILL")
          .hasMessageContaining("-1");
      assertThatThrownBy(() -> new FixedChoiceSource(withNull, fallback))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SPECULATIVE_FILL");
      assertThatThrownBy(() -> new FixedChoiceSource(null, fallback)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new FixedChoiceSource(Map.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Rates {
    @Test
    void boundsZeroAndOneAreAccepted() {
      ChoiceRates rates = new ChoiceRates(0, 1, 0.5);

      assertThat(rates.deviceFirst()).isZero();
      assertThat(rates.spontaneousEviction()).isOne();
    }

    @Test
    void valuesOutsideZeroToOneAreRejectedNamingTheRate() {
      assertThatThrownBy(() -> new ChoiceRates(-0.01, 0, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("deviceFirst").hasMessageContaining("-0.01");
      assertThatThrownBy(() -> new ChoiceRates(0, 1.5, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("spontaneousEviction").hasMessageContaining("1.5");
      assertThatThrownBy(() -> new ChoiceRates(0, 0, Double.POSITIVE_INFINITY))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speculativeFill");
    }

    @Test
    void nanIsRejected() {
      assertThatThrownBy(() -> new ChoiceRates(Double.NaN, 0, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("deviceFirst").hasMessageContaining("NaN");
      assertThatThrownBy(() -> new ChoiceRates(0, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("spontaneousEviction");
      assertThatThrownBy(() -> new ChoiceRates(0, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("speculativeFill");
    }
  }
}
