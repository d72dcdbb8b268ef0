package org.dmasim.samples.compare;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dmasim.samples.drivers.Outcome;

/** What the oracle concluded of one run: every failure seen, the run's name, and why. */
public record Verdict(Set<Outcome> failures, List<String> reasons) {
  /** Failures that name a run, most telling first: corrupted memory explains a stale read. */
  private static final List<Outcome> PRECEDENCE =
      List.of(Outcome.DMA_DATA_CORRUPTED, Outcome.STALE_READ, Outcome.CPU_WRITE_LOST);

  /** Copies the set and list. */
  public Verdict {
    failures = failures.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(failures));
    reasons = List.copyOf(reasons);
  }

  /** The run's name: OK, or its most telling failure. */
  public Outcome outcome() {
    return PRECEDENCE.stream().filter(failures::contains).findFirst().orElse(Outcome.OK);
  }
}
