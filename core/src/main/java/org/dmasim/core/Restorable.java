package org.dmasim.core;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;

/**
 * A stateful part of a simulated machine that can save its state and put it back, so that one
 * machine (one injector) runs a program again and again from the same start: the explorer's
 * executions. Every module that binds a singleton with state adds it with {@link #bind}; a part
 * left out would carry state from one run into the next.
 */
public interface Restorable {
  /**
   * Saves this part's state as it is now. The returned action puts exactly that state back, as
   * often as it is run; it touches no other part.
   */
  Runnable checkpoint();

  /** Adds {@code type}, bound as a singleton in the same injector, to the machine's restorable parts. */
  static void bind(Binder binder, Class<? extends Restorable> type) {
    Multibinder.newSetBinder(binder, Restorable.class).addBinding().to(type);
  }
}
