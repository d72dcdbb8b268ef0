package org.dmasim.core;

/**
 * The one source of nondeterminism of a simulated machine. A seeded source samples; a
 * scripted one replays a recorded schedule; an explorer can enumerate every answer.
 * Asking with one option must return 0.
 */
public interface ChoiceSource {
  /**
   * Returns a number in {@code [0, options)} for a decision of kind {@code point}.
   *
   * @throws IllegalArgumentException if {@code options < 1}
   */
  int choose(ChoicePoint point, int options);
}
