package org.dmasim.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.configuration2.BaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigReaderTest {
  private static ConfigReader reader(String key, String value) {
    BaseConfiguration configuration = new BaseConfiguration();
    configuration.setProperty(key, value);
    return new ConfigReader(configuration, "test");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"10, 10", "010, 10", "0x10, 16", "0X1f, 31", "1_000, 1000", "-5, -5", "+7, 7", "-0x10, -16"})
  void wholeNumbersAreDecimalOrHexNeverOctal(String text, long expected) {
    ConfigReader reader = reader("n", text);
    assertThat(reader.integer("n", 0, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(expected);
    reader.finish();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e3", "#10", "0x", "ten", "1.5", "99999999999999999999", "0b101"})
  void anythingElseIsAProblemNamingTheValueAsWritten(String text) {
    ConfigReader reader = reader("n", text);
    assertThat(reader.integer("n", 7, Long.MIN_VALUE, Long.MAX_VALUE)).as("the fallback").isEqualTo(7);
    assertThatThrownBy(reader::finish).isInstanceOf(ConfigurationProblems.class)
        .hasMessageContaining("Invalid value '" + text + "' for 'n': must be a whole number");
  }

  @Test
  void aCustomRuleIsReportedWithTheValueAsWritten() {
    ConfigReader reader = reader("cache.line-size", "0x30");
    assertThat(reader.optionalInteger("cache.line-size", value -> Long.bitCount(value) == 1, "must be a power of two."))
        .isNull();
    assertThatThrownBy(reader::finish).hasMessageContaining("Invalid value '0x30' for 'cache.line-size': must be a"
        + " power of two.");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.5f", "0x1p-1", "NaN", "Infinity", "1d", ".", "1.2.3"})
  void decimalsAreWrittenInDecimalOnly(String text) {
    ConfigReader reader = reader("rate", text);
    assertThat(reader.optionalDecimal("rate", 0, 1)).isNull();
    assertThatThrownBy(reader::finish).hasMessageContaining("Invalid value '" + text + "' for 'rate'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0.5, 0.5", ".25, 0.25", "1, 1", "1., 1", "5e-1, 0.5", "+0.125, 0.125"})
  void decimalNumbersAreRead(String text, double expected) {
    ConfigReader reader = reader("rate", text);
    assertThat(reader.optionalDecimal("rate", 0, 1)).isEqualTo(expected);
    reader.finish();
  }
}
