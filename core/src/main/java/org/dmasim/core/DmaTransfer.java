package org.dmasim.core;

import java.util.Arrays;

/** A transfer in flight or done: how far it got, and for a device read the bytes it read. */
public final class DmaTransfer {
  private final DmaRequest request;
  private final byte[] bytesRead;
  private int transferred;
  private long completedAt = -1;

  DmaTransfer(DmaRequest request) {
    this.request = request;
    this.bytesRead = new byte[request.deviceWrites() ? 0 : request.length()];
  }

  /** What was asked of the device. */
  public DmaRequest request() {
    return request;
  }

  /** Bytes moved so far. */
  public int transferred() {
    return transferred;
  }

  /** Whether every byte has moved and the completion has fired. */
  public boolean complete() {
    return completedAt >= 0;
  }

  /** The simulated time of completion, or -1 while in flight. */
  public long completedAt() {
    return completedAt;
  }

  /** For a device read: a copy of the bytes the device read so far. */
  public byte[] bytesRead() {
    return Arrays.copyOf(bytesRead, bytesRead.length);
  }

  byte[] readBuffer() {
    return bytesRead;
  }

  void advance(int bytes) {
    transferred += bytes;
  }

  void completeAt(long time) {
    completedAt = time;
  }
}
