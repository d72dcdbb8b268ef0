package org.dmasim.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sparse, byte-addressable physical memory with 64-bit addresses: what a device sees.
 * Frames of {@value #FRAME_SIZE} bytes are created, zero-filled, on the first write; reads of
 * memory never written give zeros and create nothing.
 */
public final class PhysicalMemory {
  /** Bytes per frame. */
  public static final int FRAME_SIZE = 4096;

  private static final int FRAME_SHIFT = 12;
  private static final long FRAME_MASK = FRAME_SIZE - 1;

  private final Map<Long, byte[]> frames = new HashMap<>();
  private long lastFrameNumber = -1;
  private byte[] lastFrame;

  /** Number of frames written so far. */
  public int touchedFrames() {
    return frames.size();
  }

  /** Reads one byte. */
  public byte readByte(long address) {
    byte[] frame = existingFrame(address);
    return frame == null ? 0 : frame[(int) (address & FRAME_MASK)];
  }

  /** Writes one byte. */
  public void writeByte(long address, byte value) {
    frame(address)[(int) (address & FRAME_MASK)] = value;
  }

  /** Copies {@code length} bytes starting at {@code address} into {@code destination}. */
  public void read(long address, byte[] destination, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, destination.length);
    long at = address;
    int done = 0;
    while (done < length) {
      int inFrame = (int) (at & FRAME_MASK);
      int chunk = Math.min(length - done, FRAME_SIZE - inFrame);
      byte[] frame = existingFrame(at);
      if (frame == null) {
        java.util.Arrays.fill(destination, offset + done, offset + done + chunk, (byte) 0);
      } else {
        System.arraycopy(frame, inFrame, destination, offset + done, chunk);
      }
      done += chunk;
      at += chunk;
    }
  }

  /** Returns a copy of {@code length} bytes starting at {@code address}. */
  public byte[] read(long address, int length) {
    byte[] bytes = new byte[length];
    read(address, bytes, 0, length);
    return bytes;
  }

  /** Copies {@code length} bytes of {@code source} to memory at {@code address}. */
  public void write(long address, byte[] source, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, source.length);
    long at = address;
    int done = 0;
    while (done < length) {
      int inFrame = (int) (at & FRAME_MASK);
      int chunk = Math.min(length - done, FRAME_SIZE - inFrame);
      System.arraycopy(source, offset + done, frame(at), inFrame, chunk);
      done += chunk;
      at += chunk;
    }
  }

  /** Writes all of {@code source} at {@code address}. */
  public void write(long address, byte[] source) {
    write(address, source, 0, source.length);
  }

  /** The frame holding {@code address}, or null when it was never written (reads of it give zeros). */
  private byte[] existingFrame(long address) {
    long number = address >>> FRAME_SHIFT;
    return number == lastFrameNumber ? lastFrame : frames.get(number);
  }

  /** A hash of memory's contents; frames holding only zeros count as never written. */
  public long stateHash() {
    long hash = 0;
    for (Map.Entry<Long, byte[]> frame : frames.entrySet()) {
      byte[] bytes = frame.getValue();
      boolean zero = true;
      for (byte value : bytes) {
        if (value != 0) {
          zero = false;
          break;
        }
      }
      if (!zero) {
        hash += StateHash.mix(StateHash.mix(StateHash.SEED, frame.getKey()), bytes, 0, bytes.length);
      }
    }
    return StateHash.finish(hash);
  }

  private byte[] frame(long address) {
    long number = address >>> FRAME_SHIFT;
    if (number == lastFrameNumber) {
      return lastFrame;
    }
    byte[] frame = frames.computeIfAbsent(number, n -> new byte[FRAME_SIZE]);
    lastFrameNumber = number;
    lastFrame = frame;
    return frame;
  }
}
