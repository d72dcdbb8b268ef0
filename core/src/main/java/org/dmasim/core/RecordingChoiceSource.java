package org.dmasim.core;

import java.util.ArrayList;
import java.util.List;

/** Passes choices through from another source and keeps them, so a run can be replayed. */
public final class RecordingChoiceSource implements ChoiceSource {
  /** One answered choice. */
  public record Choice(ChoicePoint point, int options, int value) {}

  private final ChoiceSource delegate;
  private final List<Choice> choices = new ArrayList<>();

  /** Records what {@code delegate} answers. */
  public RecordingChoiceSource(ChoiceSource delegate) {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate must not be null");
    }
    this.delegate = delegate;
  }

  @Override
  public int choose(ChoicePoint point, int options) {
    int value = delegate.choose(point, options);
    if (options > 1) {
      choices.add(new Choice(point, options, value));
    }
    return value;
  }

  /** The choices with more than one option, in the order they were made. */
  public List<Choice> choices() {
    return List.copyOf(choices);
  }
}
