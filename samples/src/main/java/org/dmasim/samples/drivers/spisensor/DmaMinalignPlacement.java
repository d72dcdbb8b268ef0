package org.dmasim.samples.drivers.spisensor;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Target;
import org.dmasim.driver.api.layout.FieldAnnotation;

/**
 * {@code u8 rx_buf[4] __aligned(ARCH_DMA_MINALIGN);}, IIO's {@code IIO_DMA_MINALIGN}: the
 * buffer starts on a DMA-safe boundary, and as the struct's last member the struct's size
 * (a multiple of its alignment) pads it to the end of that boundary too.
 */
public final class DmaMinalignPlacement implements RxBufferPlacement {
  /** The placement. */
  @Inject
  public DmaMinalignPlacement() {
    // no state
  }

  @Override
  public FieldAnnotation[] rxBufAnnotations(Target target) {
    return new FieldAnnotation[] {FieldAnnotation.aligned(target.dmaAlignment())};
  }
}
