package org.dmasim.core;

/** Two architecture plugins on the class path share a name: a start-up error naming both classes. */
public final class PluginConflictException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The conflict over {@code name} between {@code first} and {@code second}. */
  public PluginConflictException(String name, Class<?> first, Class<?> second) {
    super("Two architecture plugins are named '" + name + "': " + first.getName() + " and " + second.getName()
        + ". Remove one of their jars from the class path.");
  }
}
