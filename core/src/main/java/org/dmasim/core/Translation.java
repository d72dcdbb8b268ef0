package org.dmasim.core;

/** The result of translating a virtual address: its physical address and memory type. */
public record Translation(long virtualAddress, long physicalAddress, PageAttribute attribute) {
  /** Checks the attribute is present. */
  public Translation {
    if (attribute == null) {
      throw new IllegalArgumentException("attribute must not be null");
    }
  }
}
