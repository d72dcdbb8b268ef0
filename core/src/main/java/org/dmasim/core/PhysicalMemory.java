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
  /** Memory changes are tracked (for the state hash and checkpoints) in blocks of this many bytes. */
  private static final int BLOCK_SIZE = 64;
  private static final int BLOCK_SHIFT = 6;

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

  /** The last frame read and the last written, kept because accesses come in runs. */
  private long lastFrameNumber = -1;
  private byte[] lastFrame;
  private long lastWrittenNumber = -1;
  private int lastWrittenId;

  /**
   * {@link #stateHash()} keeps a hash per {@value #BLOCK_SIZE}-byte block and recomputes only
   * the blocks written since: a bit per block and frame.
   */
  private boolean hashing;
  private long[][] blockHashes = new long[16][];
  private long[] writtenSinceHash = new long[16];
  private final FrameList framesWrittenSinceHash = new FrameList();
  private long hashSum;

  /** The blocks written since the newest checkpoint, so that restoring it copies back only those. */
  private int checkpoints;
  private long[] writtenSinceCheckpoint = new long[16];
  private final FrameList framesWrittenSinceCheckpoint = new FrameList();

  /** Frames removed by a restore, kept to be zeroed and used again rather than allocated anew. */
  private final byte[][] spare = new byte[64][];
  private int spareFrames;

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
    int id = frameForWrite(address);
    int inFrame = (int) (address & FRAME_MASK);
    frames[id][inFrame] = value;
    written(id, inFrame, 1);
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
      int id = frameForWrite(at);
      System.arraycopy(source, offset + done, frames[id], inFrame, chunk);
      written(id, inFrame, chunk);
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
      int id = frameForWrite(address);
      LittleEndian.put(frames[id], inFrame, size, value);
      written(id, inFrame, size);
      return;
    }
    byte[] bytes = new byte[size];
    LittleEndian.put(bytes, 0, size, value);
    write(address, bytes, 0, size);
  }

  /** A hash of memory's contents; blocks holding only zeros count as never written. */
  public long stateHash() {
    if (!hashing) {
      hashing = true;
      for (int id = 0; id < size; id++) {
        blockHashes[id] = new long[FRAME_SIZE / BLOCK_SIZE];
        writtenSinceHash[id] = -1L;
        framesWrittenSinceHash.add(id);
      }
    }
    for (int i = 0; i < framesWrittenSinceHash.count; i++) {
      int id = framesWrittenSinceHash.ids[i];
      long blocks = writtenSinceHash[id];
      writtenSinceHash[id] = 0;
      long[] hashes = blockHashes[id];
      byte[] frame = frames[id];
      long blockNumber = frameNumbers[id] << (FRAME_SHIFT - BLOCK_SHIFT);
      for (; blocks != 0; blocks &= blocks - 1) {
        int block = Long.numberOfTrailingZeros(blocks);
        long now = blockHash(blockNumber + block, frame, block << BLOCK_SHIFT);
        hashSum += now - hashes[block];
        hashes[block] = now;
      }
    }
    framesWrittenSinceHash.clear();
    return StateHash.finish(hashSum);
  }

  /**
   * Saves every frame. Restoring copies back only the blocks written since (when this is still
   * the newest checkpoint; otherwise every frame) and removes frames created since.
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
    forgetWrittenSinceCheckpoint();
    return () -> {
      if (epoch == checkpoints) {
        for (int i = 0; i < framesWrittenSinceCheckpoint.count; i++) {
          int id = framesWrittenSinceCheckpoint.ids[i];
          if (id < savedSize) {
            long blocks = writtenSinceCheckpoint[id];
            for (; blocks != 0; blocks &= blocks - 1) {
              int at = Long.numberOfTrailingZeros(blocks) << BLOCK_SHIFT;
              System.arraycopy(saved[id], at, frames[id], at, BLOCK_SIZE);
            }
            writtenForHash(id, writtenSinceCheckpoint[id]);
          }
        }
        removeFramesFrom(savedSize);
      } else {
        checkpoints = epoch;
        removeFramesFrom(0);
        for (int id = 0; id < savedSize; id++) {
          System.arraycopy(saved[id], 0, frames[create(savedNumbers[id])], 0, FRAME_SIZE);
          writtenForHash(id, -1L);
        }
      }
      forgetWrittenSinceCheckpoint();
    };
  }

  private void forgetWrittenSinceCheckpoint() {
    for (int i = 0; i < framesWrittenSinceCheckpoint.count; i++) {
      writtenSinceCheckpoint[framesWrittenSinceCheckpoint.ids[i]] = 0;
    }
    framesWrittenSinceCheckpoint.clear();
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
        for (long hash : blockHashes[id]) {
          hashSum -= hash;
        }
        blockHashes[id] = null;
      }
      writtenSinceHash[id] = 0;
      writtenSinceCheckpoint[id] = 0;
      if (spareFrames < spare.length) {
        spare[spareFrames++] = frames[id];
      }
      frames[id] = null;
    }
    size = keep;
    framesWrittenSinceHash.retainBelow(keep);
    framesWrittenSinceCheckpoint.retainBelow(keep);
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
    lastWrittenNumber = -1;
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

  /** The id of the frame holding {@code address}, for a write: created when new. */
  private int frameForWrite(long address) {
    long number = address >>> FRAME_SHIFT;
    if (number == lastWrittenNumber) {
      return lastWrittenId;
    }
    int id = lookup(number);
    if (id < 0) {
      id = create(number);
    }
    lastWrittenNumber = number;
    lastWrittenId = id;
    return id;
  }

  /** Notes that {@code length} bytes at {@code inFrame} of frame {@code id} were written. */
  private void written(int id, int inFrame, int length) {
    if (hashing || checkpoints > 0) {
      long blocks = (-1L >>> (63 - ((inFrame + length - 1) >>> BLOCK_SHIFT))) & (-1L << (inFrame >>> BLOCK_SHIFT));
      if (hashing) {
        writtenForHash(id, blocks);
      }
      if (checkpoints > 0) {
        if (writtenSinceCheckpoint[id] == 0) {
          framesWrittenSinceCheckpoint.add(id);
        }
        writtenSinceCheckpoint[id] |= blocks;
      }
    }
  }

  private void writtenForHash(int id, long blocks) {
    if (hashing) {
      if (writtenSinceHash[id] == 0) {
        framesWrittenSinceHash.add(id);
      }
      writtenSinceHash[id] |= blocks;
    }
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
      blockHashes = Arrays.copyOf(blockHashes, id * 2);
      writtenSinceHash = Arrays.copyOf(writtenSinceHash, id * 2);
      writtenSinceCheckpoint = Arrays.copyOf(writtenSinceCheckpoint, id * 2);
    }
    frames[id] = spareFrames == 0 ? new byte[FRAME_SIZE] : zeroed(spare[--spareFrames]);
    frameNumbers[id] = number;
    if (hashing) {
      blockHashes[id] = new long[FRAME_SIZE / BLOCK_SIZE];
    }
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

  private static byte[] zeroed(byte[] frame) {
    Arrays.fill(frame, (byte) 0);
    return frame;
  }

  /** A block's part of {@link #stateHash()}: nothing for a block holding only zeros. */
  private static long blockHash(long blockNumber, byte[] frame, int offset) {
    long any = 0;
    for (int i = 0; i < BLOCK_SIZE; i += Long.BYTES) {
      any |= LittleEndian.get(frame, offset + i, Long.BYTES);
    }
    return any == 0 ? 0 : StateHash.mix(StateHash.mix(StateHash.SEED, blockNumber), frame, offset, BLOCK_SIZE);
  }

  /** Frame ids in the order added; the caller keeps each id in once (its block bits are its membership). */
  private static final class FrameList {
    private int[] ids = new int[16];
    private int count;

    void add(int id) {
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, count * 2);
      }
      ids[count++] = id;
    }

    void clear() {
      count = 0;
    }

    /** Drops the ids at or above {@code limit}. */
    void retainBelow(int limit) {
      int kept = 0;
      for (int i = 0; i < count; i++) {
        if (ids[i] < limit) {
          ids[kept++] = ids[i];
        }
      }
      count = kept;
    }
  }
}
