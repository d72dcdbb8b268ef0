package org.dmasim.driver.api;

/** Whether the DMA-API debug checker runs, and whether its findings are thrown. */
public record DebugOptions(boolean enabled, boolean strict) {
  /** Checking on, findings recorded. */
  public static final DebugOptions ON = new DebugOptions(true, false);
  /** Checking on, findings thrown as {@link DmaDebugException}. */
  public static final DebugOptions STRICT = new DebugOptions(true, true);
  /** Checking off. */
  public static final DebugOptions OFF = new DebugOptions(false, false);

  /** Strict needs checking on. */
  public DebugOptions {
    if (strict && !enabled) {
      throw new IllegalArgumentException("strict DMA-API debugging needs debugging enabled");
    }
  }
}
