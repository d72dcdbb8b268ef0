package org.dmasim.samples.drivers.spisensor;

import org.dmasim.driver.api.Target;
import org.dmasim.driver.api.layout.FieldAnnotation;

/** How the spi-sensor driver annotates the receive buffer at the end of its state struct. */
public interface RxBufferPlacement {
  /** The annotations on {@code rx_buf} for the target the driver runs on (none for a plain field). */
  FieldAnnotation[] rxBufAnnotations(Target target);
}
