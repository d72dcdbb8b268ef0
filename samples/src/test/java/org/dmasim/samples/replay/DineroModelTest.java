package org.dmasim.samples.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.ReplacementPolicy;
import org.dmasim.core.WritePolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dmasim's replay against an independent model of Dinero IV's d4ref for one unified cache
 * with no sub-blocks and demand fetch: each set a priority stack (most recent first, as
 * d4's stacks are), references split at block boundaries with the rest handled after, copy-back
 * and invalidate of one block or of the whole cache, the final copy-back of every dirty block,
 * and the fully associative and infinite caches of the miss classification. Random traces,
 * every LRU and FIFO policy combination; every count must be equal.
 */
class DineroModelTest {
  private static final String[] CACHES = {
    "256:16:2:lru:wb:wa", "256:16:2:fifo:wb:wa", "256:16:2:lru:wt:nwa", "256:16:2:fifo:wt:nwa",
    "256:16:2:lru:wt:wa", "256:16:2:fifo:wb:nwa", "512:32:4:lru:wb:wa", "512:32:4:fifo:wt:wa",
    "128:16:1:lru:wb:wa", "256:16:16:lru:wb:wa", "256:16:16:fifo:wb:nwa", "1k:64:8:lru:wb:wa"};

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void everyCountEqualsTheModelsOnRandomTraces(int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (String spec : CACHES) {
      CacheGeometry geometry = CacheSpec.parse(spec);
      Replayer replayer = new Replayer(geometry, seed, true);
      Model model = new Model(geometry);
      for (int i = 0; i < 3000; i++) {
        int kind = random.nextInt(100);
        AccessType type = kind < 40 ? AccessType.READ : kind < 75 ? AccessType.WRITE : kind < 88
            ? AccessType.INSTRUCTION_FETCH : kind < 95 ? AccessType.MISC : kind < 98 ? AccessType.COPY_BACK
            : AccessType.INVALIDATE;
        long address = random.nextInt(4) == 0 ? random.nextLong(1 << 16) : random.nextLong(1024);
        int size = random.nextInt(10) == 0 ? 1 + random.nextInt(100) : 1 << random.nextInt(4);
        if (!type.demand() && random.nextInt(20) == 0) {
          size = 0;
        }
        replayer.reference(type, address, size);
        model.reference(type, address, size);
      }
      replayer.finish();
      model.finish();
      ReplayStatistics stats = replayer.statistics();
      for (AccessType type : new AccessType[] {AccessType.READ, AccessType.WRITE, AccessType.INSTRUCTION_FETCH,
          AccessType.MISC}) {
        int code = type.code();
        assertThat(stats.fetches(type)).as("%s fetches %s", spec, type).isEqualTo(model.fetch[code]);
        assertThat(stats.misses(type)).as("%s misses %s", spec, type).isEqualTo(model.miss[code]);
        assertThat(stats.compulsoryMisses(type)).as("%s compulsory %s", spec, type).isEqualTo(model.comp[code]);
        assertThat(stats.capacityMisses(type)).as("%s capacity %s", spec, type).isEqualTo(model.cap[code]);
        assertThat(stats.conflictMisses(type)).as("%s conflict %s", spec, type).isEqualTo(model.conf[code]);
      }
      assertThat(stats.multiBlockReferences()).as("%s multi-block", spec).isEqualTo(model.multiblock);
      assertThat(stats.bytesFromMemory()).as("%s bytes from memory", spec).isEqualTo(model.bytesRead);
      assertThat(stats.bytesToMemory()).as("%s bytes to memory", spec).isEqualTo(model.bytesWritten);
    }
  }

  /** d4's cache for the policies dmasim matches: stacks of blocks, most recently used (or filled) first. */
  private static final class Model {
    private static final class Node {
      final long block;
      boolean dirty;

      Node(long block) {
        this.block = block;
      }
    }

    final long[] fetch = new long[4];
    final long[] miss = new long[4];
    final long[] comp = new long[4];
    final long[] cap = new long[4];
    final long[] conf = new long[4];
    long multiblock;
    long bytesRead;
    long bytesWritten;

    private final int blockSize;
    private final int assoc;
    private final int sets;
    private final boolean lru;
    private final boolean writeBack;
    private final boolean writeAllocate;
    private final List<List<Node>> stacks = new ArrayList<>();
    private final List<Node> fullStack = new ArrayList<>();
    private final Set<Long> infinite = new HashSet<>();

    Model(CacheGeometry geometry) {
      blockSize = geometry.lineSize();
      assoc = geometry.ways();
      sets = geometry.sets();
      lru = geometry.replacement() == ReplacementPolicy.LRU;
      writeBack = geometry.writePolicy() == WritePolicy.WRITE_BACK;
      writeAllocate = geometry.writeAllocate();
      for (int i = 0; i < sets; i++) {
        stacks.add(new ArrayList<>());
      }
    }

    void reference(AccessType type, long address, int size) {
      if (type == AccessType.COPY_BACK) {
        for (List<Node> stack : stacks) {
          for (Node node : stack) {
            if ((size == 0 || node.block == block(address)) && node.dirty) {
              node.dirty = false;
              bytesWritten += blockSize;
            }
          }
        }
        return;
      }
      if (type == AccessType.INVALIDATE) {
        for (List<Node> stack : stacks) {
          stack.removeIf(node -> size == 0 || node.block == block(address));
        }
        fullStack.removeIf(node -> size == 0 || node.block == block(address));
        if (size == 0) {
          infinite.clear();
        }
        return;
      }
      // d4_splitm: handle the part in the first block now, the rest as a new reference after.
      long first = block(address);
      long last = block(address + size - 1);
      if (first != last) {
        int part = (int) (first + blockSize - address);
        ref(type.code(), address, part);
        multiblock++;
        reference(type, address + part, size - part);
      } else {
        ref(type.code(), address, size);
      }
    }

    private void ref(int atype, long address, int size) {
      boolean isWrite = atype == 1;
      long block = block(address);
      List<Node> stack = stacks.get((int) ((address / blockSize) % sets));
      Node found = find(stack, block);
      boolean blockMiss = found == null;
      boolean walloc = isWrite && writeAllocate;
      boolean wback = false;
      if (!isWrite || !blockMiss || walloc) {
        if (blockMiss) {
          found = new Node(block);
          stack.add(0, found);
          if (stack.size() > assoc) {
            Node replaced = stack.remove(stack.size() - 1);
            if (replaced.dirty) {
              bytesWritten += blockSize;
            }
          }
        } else if (lru) {
          stack.remove(found);
          stack.add(0, found);
        }
        wback = isWrite && writeBack;
        if (wback) {
          found.dirty = true;
        }
      }
      if (isWrite && !wback) {
        bytesWritten += size;
      }
      if (blockMiss && (!isWrite || (walloc && size != blockSize))) {
        bytesRead += blockSize;
      }
      // the fully associative cache (as many blocks, same policy) and the infinite one
      Node full = find(fullStack, block);
      boolean fullMiss = full == null;
      if (!isWrite || !fullMiss || walloc) {
        if (fullMiss) {
          fullStack.add(0, new Node(block));
          if (fullStack.size() > assoc * sets) {
            fullStack.remove(fullStack.size() - 1);
          }
        } else if (lru) {
          fullStack.remove(full);
          fullStack.add(0, full);
        }
      }
      if (blockMiss) {
        if (!fullMiss) {
          conf[atype]++;
        } else if (infinite.add(block)) {
          comp[atype]++;
        } else {
          cap[atype]++;
        }
      }
      fetch[atype]++;
      if (blockMiss) {
        miss[atype]++;
      }
    }

    void finish() {
      reference(AccessType.COPY_BACK, 0, 0);
    }

    private long block(long address) {
      return address & -(long) blockSize;
    }

    private static Node find(List<Node> stack, long block) {
      for (Node node : stack) {
        if (node.block == block) {
          return node;
        }
      }
      return null;
    }
  }
}
