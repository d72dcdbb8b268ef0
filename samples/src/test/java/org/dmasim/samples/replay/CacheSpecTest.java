package org.dmasim.samples.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmasim.core.CacheGeometry;
import org.dmasim.core.ReplacementPolicy;
import org.dmasim.core.WritePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheSpecTest {
  @Test
  void theDefaultsAreDineroIvsAndSuffixesScale() {
    assertThat(CacheSpec.parse("32k:64:8")).isEqualTo(new CacheGeometry(32 << 10, 64, 8, ReplacementPolicy.LRU,
        WritePolicy.WRITE_BACK, true));
    assertThat(CacheSpec.parse("1M:128:16:fifo:wt:nwa")).isEqualTo(new CacheGeometry(1 << 20, 128, 16,
        ReplacementPolicy.FIFO, WritePolicy.WRITE_THROUGH, false));
    assertThat(CacheSpec.parse("4096:16:1:random")).isEqualTo(new CacheGeometry(4096, 16, 1,
        ReplacementPolicy.RANDOM, WritePolicy.WRITE_BACK, true));
    assertThat(CacheSpec.format(CacheSpec.parse("32K:64:8:WT"))).isEqualTo("32768:64:8:lru:wt:wa");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "32k:64|needs at least SIZE:LINE:WAYS",
      "32x:64:8|SIZE (in bytes, or with a k or M suffix) '32x' is not a number",
      "32k:48:8|LINE 48 must be a power of two from 16 to 256",
      "32k:512:8|LINE 512 must be a power of two from 16 to 256",
      "32k:64:0|WAYS 0 must be at least 1",
      "32k:64:eight|WAYS 'eight' is not a number",
      "48k:64:8|SIZE 48k must be LINE x WAYS x a power of two",
      "2048M:64:8|larger than the largest cache dmasim replays, 1024M",
      "32k:64:8:lru:fifo|the replacement policy is given twice ('fifo')",
      "32k:64:8:wb:wt|the write policy is given twice",
      "32k:64:8:wa:nwa|write allocation is given twice",
      "32k:64:8:plru|unknown part 'plru': after SIZE:LINE:WAYS come lru, fifo or random"})
  void badSpecsNameTheBadPartAndTheAllowedValues(String spec, String message) {
    assertThatThrownBy(() -> CacheSpec.parse(spec)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid --cache '" + spec + "': ").hasMessageContaining(message);
  }
}
