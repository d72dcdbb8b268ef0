package org.dmasim.driver.api;

/** A transfer the device is performing or has performed. */
public interface TransferHandle {
  /** What was programmed. */
  Transfer transfer();

  /** Whether the device has raised its completion interrupt. */
  boolean complete();

  /** For a TO_DEVICE transfer: the bytes the device read (so far). */
  byte[] bytesRead();
}
