package org.dmasim.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sparse, byte-addressable physical memory with 64-bit addresses: what a device sees.
 * Frames of {@value #FRAME_SIZE} bytes are created, zero-filled, on the first write; reads of
 * memory never written give zeros and create nothing.
 */
public final class PhysicalMemory implements Restorable {
  /** Bytes per frame. */
  public static final int FRAME_SIZE = 4096;

  private static final int FRAME_SHIFT = 12;
  private static final long FRAME_MASK = FRAME_SIZE - 1;

  /** Frames below 4 GiB: a directory of 1024-frame chunks (4 MiB each), allocated as they are touched. */
  private static final int CHUNK_SHIFT = 10;
  private static final int CHUNK_MASK = (1 << CHUNK_SHIFT) - 1;
  private static final long DIRECT_FRAMES = 1L << 20;

  /** Frame ids plus one (0: never written) by frame number, below 4 GiB. */
  private int[][] directory = new int[0][];
  /** Frames above: open addressing with linear probing (ids plus one), so that a look-up allocates nothing. */
  private long[] keys = new long[16];
  private int[] values = new int[16];
  private int hashed;

  /** Every frame by id (the order of creation), with its number. */
  private byte[][] frames = new byte[16][];
  private long[] frameNumbers = new long[16];
  private int size;

  /** The last frame read, kept because accesses come in runs. */
  private long lastFrameNumber = -1;
  private byte[] lastFrame;
  /** The last frame written, kept apart: a write through it is already known to have changed the frame. */
  private long lastWrittenNumber = -1;
  private byte[] lastWritten;

  /** {@link #stateHash()} keeps each frame's hash and recomputes only frames written since. */
  private boolean hashing;
  private long[] frameHashes = new long[16];
  private long hashSum;
  private final FrameSet writtenSinceHash = new FrameSet();

  /** Frames written since the newest checkpoint, so that restoring it copies only those back. */
  private int checkpoints;
  private final FrameSet writtenSinceCheckpoint = new FrameSet();

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

  /** A hash of memory's contents; frames holding only zeros count as never written. */
  public long stateHash() {
    if (!hashing) {
      hashing = true;
      writtenSinceHash.clear();
      for (int id = 0; id < size; id++) {
        frameHashes[id] = frameHash(frameNumbers[id], frames[id]);
        hashSum += frameHashes[id];
      }
    } else {
      for (int i = 0; i < writtenSinceHash.count; i++) {
        int id = writtenSinceHash.ids[i];
        long now = frameHash(frameNumbers[id], frames[id]);
        hashSum += now - frameHashes[id];
        frameHashes[id] = now;
      }
      writtenSinceHash.clear();
    }
    forgetLastWritten();
    return StateHash.finish(hashSum);
  }

  /**
   * Saves every frame. Restoring copies back only the frames written since (when this is still
   * the newest checkpoint; otherwise all of them) and removes frames created since.
   */
  @Override
  public Runnable checkpoint() {
    int epoch = ++checkpoints;
    int savedSize = size;
    byte[][] saved = new byte[savedSize][];
    long[] savedNumbers = Arrays.copyOf(frameNumbers, savedSize);
    for (int id = 0; id < savedSize; id++) {
      saved[id] = frames[id].clone();
    }
    writtenSinceCheckpoint.clear();
    forgetLastWritten();
    return () -> {
      if (epoch == checkpoints) {
        for (int i = 0; i < writtenSinceCheckpoint.count; i++) {
          int id = writtenSinceCheckpoint.ids[i];
          if (id < savedSize) {
            System.arraycopy(saved[id], 0, frames[id], 0, FRAME_SIZE);
            markedForHash(id);
          }
        }
        removeFramesFrom(savedSize);
      } else {
        checkpoints = epoch;
        removeFramesFrom(0);
        for (int id = 0; id < savedSize; id++) {
          System.arraycopy(saved[id], 0, frames[create(savedNumbers[id])], 0, FRAME_SIZE);
          markedForHash(id);
        }
      }
      writtenSinceCheckpoint.clear();
      forgetLastWritten();
    };
  }

  /** Removes the frames created after the first {@code keep}, as if they had never been written. */
  private void removeFramesFrom(int keep) {
    if (size == keep) {
      return;
    }
    boolean rehash = false;
    for (int id = keep; id < size; id++) {
      long number = frameNumbers[id];
      if (number < DIRECT_FRAMES) {
        directory[(int) (number >>> CHUNK_SHIFT)][(int) number & CHUNK_MASK] = 0;
      } else {
        rehash = true;
      }
      if (hashing) {
        hashSum -= frameHashes[id];
        frameHashes[id] = 0;
      }
      frames[id] = null;
    }
    size = keep;
    writtenSinceHash.retainBelow(keep);
    if (rehash) {
      Arrays.fill(keys, 0);
      Arrays.fill(values, 0);
      hashed = 0;
      for (int id = 0; id < size; id++) {
        if (frameNumbers[id] >= DIRECT_FRAMES) {
          insertHashed(frameNumbers[id], id);
        }
      }
    }
    lastFrameNumber = -1;
    lastFrame = null;
  }

  /** The frame holding {@code address}, or null when it was never written (reads of it give zeros). */
  private byte[] existingFrame(long address) {
    long number = address >>> FRAME_SHIFT;
    if (number == lastFrameNumber) {
      return lastFrame;
    }
    int id = lookup(number);
    if (id < 0) {
      return null;
    }
    byte[] frame = frames[id];
    lastFrameNumber = number;
    lastFrame = frame;
    return frame;
  }

  /** The frame holding {@code address} for a write, created when new. */
  private byte[] frame(long address) {
    long number = address >>> FRAME_SHIFT;
    if (number == lastWrittenNumber) {
      return lastWritten;
    }
    int id = lookup(number);
    if (id < 0) {
      id = create(number);
    }
    if (hashing) {
      markedForHash(id);
    }
    if (checkpoints > 0) {
      writtenSinceCheckpoint.add(id);
    }
    lastWrittenNumber = number;
    lastWritten = frames[id];
    return lastWritten;
  }

  private void markedForHash(int id) {
    if (hashing) {
      writtenSinceHash.add(id);
    }
  }

  /** The next write goes through {@link #frame} again, so that it is noted. */
  private void forgetLastWritten() {
    lastWrittenNumber = -1;
    lastWritten = null;
  }

  private static int slotOf(long number, int mask) {
    return (int) StateHash.finish(number) & mask;
  }

  /** The id of frame {@code number}, or -1 when it was never written. */
  private int lookup(long number) {
    if (number < DIRECT_FRAMES) {
      int index = (int) (number >>> CHUNK_SHIFT);
      if (index < directory.length) {
        int[] chunk = directory[index];
        if (chunk != null) {
          return chunk[(int) number & CHUNK_MASK] - 1;
        }
      }
      return -1;
    }
    int mask = keys.length - 1;
    for (int slot = slotOf(number, mask); values[slot] != 0; slot = (slot + 1) & mask) {
      if (keys[slot] == number) {
        return values[slot] - 1;
      }
    }
    return -1;
  }

  private int create(long number) {
    int id = size;
    if (id == frames.length) {
      frames = Arrays.copyOf(frames, id * 2);
      frameNumbers = Arrays.copyOf(frameNumbers, id * 2);
      frameHashes = Arrays.copyOf(frameHashes, id * 2);
    }
    frames[id] = new byte[FRAME_SIZE];
    frameNumbers[id] = number;
    frameHashes[id] = 0;
    size++;
    if (number < DIRECT_FRAMES) {
      int index = (int) (number >>> CHUNK_SHIFT);
      if (index >= directory.length) {
        directory = Arrays.copyOf(directory, Math.max(index + 1, directory.length * 2));
      }
      int[] chunk = directory[index];
      if (chunk == null) {
        chunk = new int[1 << CHUNK_SHIFT];
        directory[index] = chunk;
      }
      chunk[(int) number & CHUNK_MASK] = id + 1;
    } else {
      insertHashed(number, id);
    }
    return id;
  }

  private void insertHashed(long number, int id) {
    if ((hashed + 1) * 4L > keys.length * 3L) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = slotOf(number, mask);
    while (values[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = number;
    values[slot] = id + 1;
    hashed++;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != 0) {
        int slot = slotOf(oldKeys[i], mask);
        while (values[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** A frame's part of {@link #stateHash()}: nothing for a frame holding only zeros. */
  private static long frameHash(long number, byte[] bytes) {
    for (byte value : bytes) {
      if (value != 0) {
        return StateHash.mix(StateHash.mix(StateHash.SEED, number), bytes, 0, bytes.length);
      }
    }
    return 0;
  }

  /** A set of frame ids, in the order added, with a flag per id so that adding twice costs one look. */
  private static final class FrameSet {
    private int[] ids = new int[16];
    private boolean[] member = new boolean[16];
    private int count;

    void add(int id) {
      if (id >= member.length) {
        member = Arrays.copyOf(member, Math.max(id + 1, member.length * 2));
      }
      if (member[id]) {
        return;
      }
      member[id] = true;
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, count * 2);
      }
      ids[count++] = id;
    }

    void clear() {
      for (int i = 0; i < count; i++) {
        member[ids[i]] = false;
      }
      count = 0;
    }

    /** Drops the ids at or above {@code limit}. */
    void retainBelow(int limit) {
      int kept = 0;
      for (int i = 0; i < count; i++) {
        if (ids[i] < limit) {
          ids[kept++] = ids[i];
        } else {
          member[ids[i]] = false;
        }
      }
      count = kept;
    }
  }
}
