package org.dmasim.samples.compare;

/** herd's summary of how often an outcome was seen over a cell's runs. */
public enum Frequency {
  /** In no run. */
  NEVER("Never"),
  /** In some runs, not all. */
  SOMETIMES("Sometimes"),
  /** In every run. */
  ALWAYS("Always");

  private final String label;

  Frequency(String label) {
    this.label = label;
  }

  /** How herd prints it. */
  public String label() {
    return label;
  }

  /** The frequency of {@code count} among {@code runs}. */
  public static Frequency of(long count, long runs) {
    return count == 0 ? NEVER : count == runs ? ALWAYS : SOMETIMES;
  }
}
