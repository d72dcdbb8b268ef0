package org.dmasim.driver.api;

import java.util.List;

/** A scatter-gather list after {@link DmaApi#mapSg}: the device address of each segment. */
public record MappedScatterList(ScatterList list, List<Long> dmaAddresses) {
  /** Checks there is one device address per segment. */
  public MappedScatterList {
    if (list == null || dmaAddresses == null || dmaAddresses.size() != list.segments().size()) {
      throw new IllegalArgumentException("A mapped scatter-gather list needs one device address per segment");
    }
    dmaAddresses = List.copyOf(dmaAddresses);
  }
}
