package org.dmasim.allocators;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dmasim.core.Cpu;
import org.dmasim.core.Hex;

/**
 * One dma_pool as mm/dmapool.c keeps it since Linux 6.4: chunks of {@code allocation} bytes
 * of coherent memory, each cut into blocks at the same offsets (from 0 in steps of the
 * block size, skipping to the next boundary rather than crossing it), and one LIFO free
 * list: a new chunk's blocks are handed out in address order, a freed block is reused
 * first. Chunks are kept until the pool is destroyed. Debug poisoning is always on and is
 * written through the CPU at the block's (uncached on non-coherent machines) address.
 */
final class KernelDmaPool implements DmaPool {
  /** A coherent chunk and which of its blocks are allocated. */
  private static final class Chunk {
    final CoherentBlock memory;
    final boolean[] allocated;

    Chunk(CoherentBlock memory, int blocks) {
      this.memory = memory;
      this.allocated = new boolean[blocks];
    }
  }

  /** A block on the free list. */
  private record FreeBlock(Chunk chunk, int index) {}

  private final String name;
  private final long requestedSize;
  private final long blockSize;
  private final long alignment;
  private final long boundary;
  private final long allocation;
  private final long[] offsets;
  private final CoherentMemory coherent;
  private final Cpu cpu;
  private final TreeMap<Long, Chunk> chunks = new TreeMap<>();
  private final Deque<FreeBlock> freeList = new ArrayDeque<>();
  private int liveBlocks;
  private boolean destroyed;

  KernelDmaPool(String name, long requestedSize, long blockSize, long alignment, long boundary, long allocation,
      CoherentMemory coherent, Cpu cpu) {
    this.name = name;
    this.requestedSize = requestedSize;
    this.blockSize = blockSize;
    this.alignment = alignment;
    this.boundary = boundary;
    this.allocation = allocation;
    this.coherent = coherent;
    this.cpu = cpu;
    this.offsets = blockOffsets(blockSize, boundary, allocation);
  }

  /** pool_initialise_page: the offsets of a chunk's blocks. */
  static long[] blockOffsets(long blockSize, long boundary, long allocation) {
    List<Long> offsets = new ArrayList<>();
    long nextBoundary = boundary;
    long offset = 0;
    while (offset + blockSize <= allocation) {
      if (offset + blockSize > nextBoundary) {
        offset = nextBoundary;
        nextBoundary += boundary;
        continue;
      }
      offsets.add(offset);
      offset += blockSize;
    }
    return offsets.stream().mapToLong(Long::longValue).toArray();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long blockSize() {
    return blockSize;
  }

  @Override
  public long alignment() {
    return alignment;
  }

  @Override
  public long boundary() {
    return boundary;
  }

  @Override
  public PoolBlock allocate() {
    checkNotDestroyed("allocate from");
    if (freeList.isEmpty()) {
      addChunk();
    }
    FreeBlock free = freeList.pop();
    free.chunk.allocated[free.index] = true;
    liveBlocks++;
    long offset = offsets[free.index];
    long cpuAddress = free.chunk.memory.cpuAddress() + offset;
    cpu.write(cpuAddress, poison(blockSize, POISON_ALLOCATED));
    return new PoolBlock(cpuAddress, free.chunk.memory.dmaAddress() + offset);
  }

  @Override
  public void free(long cpuAddress, long dmaAddress) {
    checkNotDestroyed("free to");
    String what = "dma_pool_free " + name + ", " + Hex.address(cpuAddress) + "/" + Hex.address(dmaAddress);
    Map.Entry<Long, Chunk> entry = chunks.floorEntry(cpuAddress);
    if (entry == null || cpuAddress - entry.getKey() >= allocation) {
      throw new IllegalArgumentException(what + ": not in pool " + name);
    }
    Chunk chunk = entry.getValue();
    long offset = cpuAddress - entry.getKey();
    int index = Arrays.binarySearch(offsets, offset);
    if (index < 0) {
      throw new IllegalArgumentException(what + ": " + Hex.address(cpuAddress) + " is not the start of a block of"
          + " pool " + name);
    }
    long expectedDma = chunk.memory.dmaAddress() + offset;
    if (dmaAddress != expectedDma) {
      throw new IllegalArgumentException(what + ": DMA address " + Hex.address(dmaAddress)
          + " does not match CPU address " + Hex.address(cpuAddress) + ", whose DMA address is "
          + Hex.address(expectedDma));
    }
    if (!chunk.allocated[index]) {
      throw new IllegalArgumentException(what + ": block " + Hex.address(cpuAddress) + " (dma "
          + Hex.address(dmaAddress) + ") is already free");
    }
    cpu.write(cpuAddress, poison(blockSize, POISON_FREE));
    chunk.allocated[index] = false;
    freeList.push(new FreeBlock(chunk, index));
    liveBlocks--;
  }

  @Override
  public int liveBlocks() {
    return liveBlocks;
  }

  @Override
  public long bytesLostToAlignmentAndPadding() {
    long perChunk = allocation - offsets.length * blockSize;
    return liveBlocks * (blockSize - requestedSize) + chunks.size() * perChunk;
  }

  @Override
  public void destroy() {
    checkNotDestroyed("destroy");
    if (liveBlocks > 0) {
      throw new IllegalStateException("dma_pool_destroy " + name + ", busy: " + liveBlocks
          + (liveBlocks == 1 ? " block is" : " blocks are") + " still allocated");
    }
    for (Chunk chunk : chunks.values()) {
      coherent.free(chunk.memory.size(), chunk.memory.cpuAddress(), chunk.memory.dmaAddress());
    }
    chunks.clear();
    freeList.clear();
    destroyed = true;
  }

  /** Chunks of coherent memory the pool holds. */
  int chunks() {
    return chunks.size();
  }

  @Override
  public String toString() {
    return "dma_pool " + name + " (block " + blockSize + ", align " + alignment + ", boundary " + boundary + ")";
  }

  private void addChunk() {
    CoherentBlock memory = coherent.allocate(allocation);
    cpu.write(memory.cpuAddress(), poison(allocation, POISON_FREE));
    Chunk chunk = new Chunk(memory, offsets.length);
    chunks.put(memory.cpuAddress(), chunk);
    for (int index = offsets.length - 1; index >= 0; index--) {
      freeList.push(new FreeBlock(chunk, index));
    }
  }

  private void checkNotDestroyed(String action) {
    if (destroyed) {
      throw new IllegalStateException("Cannot " + action + " dma_pool " + name + ": it has been destroyed");
    }
  }

  private static byte[] poison(long length, int value) {
    byte[] bytes = new byte[(int) length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
