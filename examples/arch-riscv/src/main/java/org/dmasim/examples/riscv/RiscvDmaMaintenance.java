package org.dmasim.examples.riscv;

import java.util.Locale;
import org.dmasim.core.Cache;
import org.dmasim.core.DmaDirection;
import org.dmasim.core.DmaMaintenance;

/**
 * arch/riscv/mm/dma-noncoherent.c on a core with Zicbom. Linux's {@code ALT_CMO_OP} rounds the
 * start of a range down to the cache block size and issues one instruction per block up to the
 * end, so every block the range touches is operated on whole:
 *
 * <table>
 *   <caption>What each hook issues, by direction</caption>
 *   <tr><th>hook</th><th>TO_DEVICE</th><th>FROM_DEVICE</th><th>BIDIRECTIONAL</th></tr>
 *   <tr><td>arch_sync_dma_for_device (map, sync_for_device)</td><td>cbo.clean</td><td>cbo.clean</td>
 *       <td>cbo.clean</td></tr>
 *   <tr><td>arch_sync_dma_for_cpu (unmap, sync_for_cpu)</td><td>nothing</td><td>cbo.inval</td>
 *       <td>cbo.inval</td></tr>
 *   <tr><td>arch_dma_prep_coherent</td><td colspan="3">cbo.flush</td></tr>
 * </table>
 *
 * <p>Why FROM_DEVICE is cleaned, not invalidated, at map: RISC-V says
 * {@code arch_sync_dma_clean_before_fromdevice()} and {@code arch_sync_dma_cpu_needs_post_dma_flush()}
 * are both true, so the map writes dirty lines back (they can then never be written back over
 * the device's bytes later) and leaves the discarding to the invalidate after the transfer,
 * which speculative fills make necessary anyway.
 *
 * <p>What cbo.inval means for a partial edge block: unlike ARM's {@code dcache_inval_poc}, which
 * cleans and invalidates a first or last line the range covers only in part, Linux issues a
 * plain {@code cbo.inval} for every touched block, edges included. With the firmware setting
 * {@code menvcfg.CBIE} to "invalidate" (as OpenSBI does), the block is discarded dirty or not:
 * a CPU store made during the transfer to bytes sharing an edge block with the buffer (a
 * counter next to a small embedded buffer) is lost. Hence ARCH_DMA_MINALIGN = 64 and the
 * bouncing of small kmalloc buffers. (Where CBIE selects "flush", cbo.inval behaves as
 * cbo.flush; that configuration is not modelled.)
 *
 * <p>The block size is the cache's line size (Zicbom's cache block, Linux's
 * {@code riscv_cbom_block_size} from the device tree): 64 bytes in the {@code rv64-zicbom}
 * profile, or whatever line size a configuration gives the cache.
 */
final class RiscvDmaMaintenance implements DmaMaintenance {
  /** The Zicbom cache-block management instructions, each acting on one whole cache block. */
  enum CacheBlockOperation {
    /** {@code cbo.clean}: write the block back if dirty, keep it valid. */
    CLEAN {
      @Override
      void apply(Cache cache, long blockAddress) {
        cache.clean(blockAddress);
      }
    },
    /** {@code cbo.inval}: discard the block, dirty or not. */
    INVAL {
      @Override
      void apply(Cache cache, long blockAddress) {
        cache.invalidate(blockAddress);
      }
    },
    /** {@code cbo.flush}: write the block back if dirty, then discard it. */
    FLUSH {
      @Override
      void apply(Cache cache, long blockAddress) {
        cache.cleanInvalidate(blockAddress);
      }
    };

    /** Performs the instruction on the block at {@code blockAddress}. */
    abstract void apply(Cache cache, long blockAddress);

    /** The assembler mnemonic, e.g. {@code cbo.inval}. */
    String mnemonic() {
      return "cbo." + name().toLowerCase(Locale.ROOT);
    }
  }

  private final Cache cache;

  RiscvDmaMaintenance(Cache cache) {
    if (cache == null) {
      throw new IllegalArgumentException("cache must not be null");
    }
    this.cache = cache;
  }

  @Override
  public void forDevice(long physicalAddress, long size, DmaDirection direction) {
    if (direction == null) {
      throw new IllegalArgumentException("direction must not be null");
    }
    // TO_DEVICE, FROM_DEVICE and BIDIRECTIONAL alike: write back, keep the lines.
    eachBlock(CacheBlockOperation.CLEAN, physicalAddress, size);
  }

  @Override
  public void forCpu(long physicalAddress, long size, DmaDirection direction) {
    if (direction == null) {
      throw new IllegalArgumentException("direction must not be null");
    }
    if (direction != DmaDirection.TO_DEVICE) {
      eachBlock(CacheBlockOperation.INVAL, physicalAddress, size);
    }
  }

  @Override
  public void prepareCoherent(long physicalAddress, long size) {
    eachBlock(CacheBlockOperation.FLUSH, physicalAddress, size);
  }

  /** ALT_CMO_OP: {@code operation} on every block that {@code [physicalAddress, +size)} touches. */
  private void eachBlock(CacheBlockOperation operation, long physicalAddress, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("Invalid size " + size + " for " + operation.mnemonic());
    }
    long blockSize = cache.geometry().lineSize();
    long end = physicalAddress + size;
    for (long block = physicalAddress & -blockSize; block < end; block += blockSize) {
      operation.apply(cache, block);
    }
  }
}
