package org.dmasim.samples.compare;

/** A cell's verdict against the driver's declared expectations, as the JSON's {@code expectation} names it. */
public enum Expectation {
  /** Only acceptable outcomes were observed. */
  ACCEPTABLE,
  /** An acceptable-but-interesting outcome was observed, nothing forbidden. */
  INTERESTING_OBSERVED,
  /** A forbidden outcome was observed. */
  FORBIDDEN_OBSERVED,
  /** The strategy cannot run on the profile (say, a per-page attribute change on MIPS KSEG0). */
  NOT_APPLICABLE
}
