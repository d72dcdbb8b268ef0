package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  private static final List<String> ARCHITECTURES = List.of("arm-noncoherent", "mips", "x86");

  @Test
  void aTranspositionFindsTheIntendedName() {
    assertThat(Names.closest("x68", ARCHITECTURES)).contains("x86");
    assertThat(Names.didYouMean("x68", ARCHITECTURES)).isEqualTo(" Did you mean 'x86'?");
  }

  @Test
  void aFarOffNameSuggestsNothing() {
    assertThat(Names.closest("powerpc", ARCHITECTURES)).isEmpty();
    assertThat(Names.didYouMean("powerpc", ARCHITECTURES)).isEmpty();
    assertThat(Names.closest("abc", ARCHITECTURES)).isEmpty();
  }

  @Test
  void anExactOrDifferentlyCasedNameIsItsOwnClosestInTheCandidatesSpelling() {
    assertThat(Names.closest("mips", ARCHITECTURES)).contains("mips");
    assertThat(Names.closest("MIPS", ARCHITECTURES)).contains("mips");
    assertThat(Names.closest("X86", ARCHITECTURES)).contains("x86");
  }

  @Test
  void longerNamesAllowMoreEdits() {
    // "arm-coherent" is three deletions from "arm-noncoherent": allowed for a 12-character name.
    assertThat(Names.closest("arm-coherent", ARCHITECTURES)).contains("arm-noncoherent");
    assertThat(Names.closest("arm-noncoherant", ARCHITECTURES)).contains("arm-noncoherent");
  }

  @Test
  void shortNamesAllowAtMostTwoEdits() {
    assertThat(Names.closest("mipsxx", ARCHITECTURES)).contains("mips");
    assertThat(Names.closest("mipsxxx", ARCHITECTURES)).isEmpty();
  }

  @Test
  void theNearestOfSeveralCloseCandidatesWins() {
    assertThat(Names.closest("r4001", List.of("r4000", "r4k", "r10000"))).contains("r4000");
    assertThat(Names.closest("r4kk", List.of("r4000", "r4k", "r10000"))).contains("r4k");
  }

  @Test
  void noCandidatesSuggestsNothing() {
    assertThat(Names.closest("x86", List.of())).isEmpty();
    assertThat(Names.didYouMean("x86", List.of())).isEmpty();
  }
}
