package org.dmasim.core;

import java.util.Arrays;
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

  /** Frames below 4 GiB: a directory of 1024-frame chunks (4 MiB each), allocated as they are touched. */
  private static final int CHUNK_SHIFT = 10;
  private static final int CHUNK_MASK = (1 << CHUNK_SHIFT) - 1;
  private static final long DIRECT_FRAMES = 1L << 20;

  private byte[][][] directory = new byte[0][][];
  /** Frames above: open addressing with linear probing, so that a look-up allocates nothing. */
  private long[] keys = new long[16];
  private byte[][] values = new byte[16][];
  private int size;
  private int hashed;
  private long lastFrameNumber = -1;
  private byte[] lastFrame;

  /** Number of frames written so far. */
  public int touchedFrames() {
    return size;
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
        Arrays.fill(destination, offset + done, offset + done + chunk, (byte) 0);
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

  /** The {@code size} (1, 2, 4 or 8) bytes at {@code address}, little-endian, zero-extended, without an array. */
  long readValue(long address, int size) {
    int inFrame = (int) (address & FRAME_MASK);
    if (inFrame + size <= FRAME_SIZE) {
      byte[] frame = existingFrame(address);
      return frame == null ? 0 : LittleEndian.get(frame, inFrame, size);
    }
    return LittleEndian.get(read(address, size), 0, size);
  }

  /** Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value}, little-endian, without an array. */
  void writeValue(long address, int size, long value) {
    int inFrame = (int) (address & FRAME_MASK);
    if (inFrame + size <= FRAME_SIZE) {
      LittleEndian.put(frame(address), inFrame, size, value);
      return;
    }
    byte[] bytes = new byte[size];
    LittleEndian.put(bytes, 0, size, value);
    write(address, bytes, 0, size);
  }

  /** The frame holding {@code address}, or null when it was never written (reads of it give zeros). */
  private byte[] existingFrame(long address) {
    long number = address >>> FRAME_SHIFT;
    if (number == lastFrameNumber) {
      return lastFrame;
    }
    byte[] frame = lookup(number);
    if (frame != null) {
      lastFrameNumber = number;
      lastFrame = frame;
    }
    return frame;
  }

  private static int slotOf(long number, int mask) {
    return (int) StateHash.finish(number) & mask;
  }

  private byte[] lookup(long number) {
    if (number < DIRECT_FRAMES) {
      int index = (int) (number >>> CHUNK_SHIFT);
      if (index < directory.length) {
        byte[][] chunk = directory[index];
        if (chunk != null) {
          return chunk[(int) number & CHUNK_MASK];
        }
      }
      return null;
    }
    int mask = keys.length - 1;
    for (int slot = slotOf(number, mask); values[slot] != null; slot = (slot + 1) & mask) {
      if (keys[slot] == number) {
        return values[slot];
      }
    }
    return null;
  }

  private byte[] create(long number) {
    if (number < DIRECT_FRAMES) {
      int index = (int) (number >>> CHUNK_SHIFT);
      if (index >= directory.length) {
        directory = Arrays.copyOf(directory, Math.max(index + 1, directory.length * 2));
      }
      byte[][] chunk = directory[index];
      if (chunk == null) {
        chunk = new byte[1 << CHUNK_SHIFT][];
        directory[index] = chunk;
      }
      byte[] frame = new byte[FRAME_SIZE];
      chunk[(int) number & CHUNK_MASK] = frame;
      size++;
      return frame;
    }
    if ((hashed + 1) * 4L > keys.length * 3L) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = slotOf(number, mask);
    while (values[slot] != null) {
      slot = (slot + 1) & mask;
    }
    byte[] frame = new byte[FRAME_SIZE];
    keys[slot] = number;
    values[slot] = frame;
    hashed++;
    size++;
    return frame;
  }

  private void grow() {
    long[] oldKeys = keys;
    byte[][] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new byte[oldKeys.length * 2][];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        int slot = slotOf(oldKeys[i], mask);
        while (values[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** A hash of memory's contents; frames holding only zeros count as never written. */
  public long stateHash() {
    long hash = 0;
    for (int index = 0; index < directory.length; index++) {
      byte[][] chunk = directory[index];
      for (int i = 0; chunk != null && i < chunk.length; i++) {
        hash += frameHash(((long) index << CHUNK_SHIFT) + i, chunk[i]);
      }
    }
    for (int slot = 0; slot < keys.length; slot++) {
      hash += frameHash(keys[slot], values[slot]);
    }
    return StateHash.finish(hash);
  }

  /** A frame's part of {@link #stateHash()}: nothing for a frame never written or holding only zeros. */
  private static long frameHash(long number, byte[] bytes) {
    if (bytes == null) {
      return 0;
    }
    for (byte value : bytes) {
      if (value != 0) {
        return StateHash.mix(StateHash.mix(StateHash.SEED, number), bytes, 0, bytes.length);
      }
    }
    return 0;
  }

  private byte[] frame(long address) {
    long number = address >>> FRAME_SHIFT;
    if (number == lastFrameNumber) {
      return lastFrame;
    }
    byte[] frame = lookup(number);
    if (frame == null) {
      frame = create(number);
    }
    lastFrameNumber = number;
    lastFrame = frame;
    return frame;
  }
}
