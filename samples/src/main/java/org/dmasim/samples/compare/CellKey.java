package org.dmasim.samples.compare;

/** One cell of the comparison: a sample with a strategy on an architecture profile. */
public record CellKey(String sample, String strategy, String architecture, String profile) {
  /** {@code sample/strategy @ architecture/profile}. */
  @Override
  public String toString() {
    return sample + "/" + strategy + " @ " + architecture + "/" + profile;
  }
}
