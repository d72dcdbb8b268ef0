package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheGeometryTest {
  @ParameterizedTest
  @ValueSource(ints = {48, 8, 512, 0, -16, 15, 17, 100})
  void badLineSizesAreRejectedNamingTheValueAndTheRule(int lineSize) {
    assertThatThrownBy(() -> CacheGeometry.writeBack(32 * 1024, lineSize, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line size " + lineSize)
        .hasMessageContaining("power of two between 16 and 256");
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 32, 64, 128, 256})
  void everyPowerOfTwoLineSizeFrom16To256IsAccepted(int lineSize) {
    CacheGeometry geometry = CacheGeometry.writeBack(32 * 1024, lineSize, 4);

    assertThat(geometry.lineSize()).isEqualTo(lineSize);
    assertThat(geometry.sets()).isEqualTo(32 * 1024 / (lineSize * 4));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void fewerThanOneWayIsRejected(int ways) {
    assertThatThrownBy(() -> CacheGeometry.writeBack(32 * 1024, 64, ways))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ways " + ways);
  }

  @Test
  void aSizeThatIsNotAMultipleOfLineSizeTimesWaysIsRejected() {
    assertThatThrownBy(() -> CacheGeometry.writeBack(1000, 64, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache size 1000")
        .hasMessageContaining("2 ways").hasMessageContaining("64-byte");
  }

  @Test
  void aSizeGivingANonPowerOfTwoNumberOfSetsIsRejected() {
    // 3 sets of 2 ways of 16 bytes.
    assertThatThrownBy(() -> CacheGeometry.writeBack(96, 16, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache size 96");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -4096})
  void aNonPositiveSizeIsRejected(int size) {
    assertThatThrownBy(() -> CacheGeometry.writeBack(size, 64, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache size " + size);
  }

  @Test
  void aSizeSmallerThanOneSetIsRejected() {
    assertThatThrownBy(() -> CacheGeometry.writeBack(64, 64, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullPoliciesAreRejected() {
    assertThatThrownBy(() -> new CacheGeometry(1024, 64, 2, null, WritePolicy.WRITE_BACK, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replacement");
    assertThatThrownBy(() -> new CacheGeometry(1024, 64, 2, ReplacementPolicy.LRU, null, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writePolicy");
  }

  @Test
  void setsIsSizeOverLineSizeTimesWays() {
    assertThat(CacheGeometry.writeBack(32 * 1024, 64, 4).sets()).isEqualTo(128);
    assertThat(CacheGeometry.writeBack(64, 16, 2).sets()).isEqualTo(2);
    assertThat(CacheGeometry.writeBack(64, 16, 4).sets()).isEqualTo(1);
    assertThat(CacheGeometry.writeBack(16 * 1024, 32, 1).sets()).isEqualTo(512);
    assertThat(CacheGeometry.writeBack(1024 * 1024, 128, 16).sets()).isEqualTo(512);
  }

  @Test
  void writeBackFactoryIsLruWriteBackWriteAllocate() {
    CacheGeometry geometry = CacheGeometry.writeBack(4096, 32, 2);

    assertThat(geometry).isEqualTo(new CacheGeometry(4096, 32, 2, ReplacementPolicy.LRU, WritePolicy.WRITE_BACK,
        true));
  }

  @Test
  void withLineSizeKeepsSizeWaysAndPoliciesAndRevalidates() {
    CacheGeometry geometry = new CacheGeometry(8192, 32, 4, ReplacementPolicy.FIFO, WritePolicy.WRITE_THROUGH,
        false);

    CacheGeometry wider = geometry.withLineSize(128);

    assertThat(wider).isEqualTo(new CacheGeometry(8192, 128, 4, ReplacementPolicy.FIFO,
        WritePolicy.WRITE_THROUGH, false));
    assertThat(wider.sets()).isEqualTo(16);
    assertThatThrownBy(() -> geometry.withLineSize(48)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("48");
  }
}
