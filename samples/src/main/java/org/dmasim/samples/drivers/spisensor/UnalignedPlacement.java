package org.dmasim.samples.drivers.spisensor;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Target;
import org.dmasim.driver.api.layout.FieldAnnotation;

/** {@code u8 rx_buf[4];} with no annotation: it shares a cache line with the lock and the state. */
public final class UnalignedPlacement implements RxBufferPlacement {
  /** The placement. */
  @Inject
  public UnalignedPlacement() {
    // no state
  }

  @Override
  public FieldAnnotation[] rxBufAnnotations(Target target) {
    return new FieldAnnotation[0];
  }
}
