package org.dmasim.core;

/** A CPU access to a virtual address that no mapping covers. Nothing was read or written. */
public final class AddressFault extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final long address;

  /** Creates a fault for {@code address} with a message that says what is mapped. */
  public AddressFault(long address, String message) {
    super(message);
    this.address = address;
  }

  /** The virtual address that faulted. */
  public long address() {
    return address;
  }
}
