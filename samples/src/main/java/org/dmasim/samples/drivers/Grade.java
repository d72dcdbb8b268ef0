package org.dmasim.samples.drivers;

/** How a driver grades an outcome it might show, as jcstress tests do. */
public enum Grade {
  /** Correct behaviour. */
  ACCEPTABLE,
  /** Allowed, but worth a reader's attention. */
  ACCEPTABLE_INTERESTING,
  /** A bug: the run must never end this way. */
  FORBIDDEN
}
