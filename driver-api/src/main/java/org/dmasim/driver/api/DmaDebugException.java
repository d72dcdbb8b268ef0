package org.dmasim.driver.api;

/** Thrown in strict mode when the DMA-API debug checker records a finding. */
public final class DmaDebugException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Finding finding;

  /** The exception for {@code finding}. */
  public DmaDebugException(Finding finding) {
    super(finding.format());
    this.finding = finding;
  }

  /** The finding that was recorded. */
  public Finding finding() {
    return finding;
  }
}
