package org.dmasim.examples.consumer;

import java.util.Arrays;
import org.dmasim.driver.api.CpuAccess;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.Transfer;
import org.dmasim.driver.api.TransferHandle;

/**
 * A "ping" driver, written once against {@code org.dmasim.driver.api} and nothing else, so it
 * runs unchanged on every architecture. Its state is a 64-byte
 *
 * <pre>
 * struct ping_dev {
 *         u32 counter;      // bumped by the CPU, also while a ping is in flight
 *         u8  reply[16];    // the device's pong, mapped DMA_FROM_DEVICE
 *         u8  rest[44];
 * };
 * </pre>
 *
 * <p>One ping: the CPU sets the counter to 1 (the reply holds its previous contents), maps
 * the reply FROM_DEVICE and starts the device, bumps the counter to 2 while the device writes
 * its pong, waits, unmaps, and reads both back.
 *
 * <p>Where the reply lives is the only thing that changes: {@link Placement#EMBEDDED} in the
 * struct, next to the counter (the bug: on a non-coherent machine they share a cache line);
 * {@link Placement#OWN_KMALLOC} in a kmalloc of its own rounded up to ARCH_DMA_MINALIGN, so
 * it owns whole DMA-aligned cache lines.
 */
public final class PingDriver {
  /** {@code sizeof(struct ping_dev)}. */
  public static final int STRUCT_BYTES = 64;
  /** {@code offsetof(struct ping_dev, counter)}. */
  public static final int COUNTER_OFFSET = 0;
  /** {@code offsetof(struct ping_dev, reply)}. */
  public static final int REPLY_OFFSET = 4;
  /** Bytes of the reply the device writes. */
  public static final int REPLY_BYTES = 16;
  /** What the reply buffer holds before the ping (its previous use). */
  public static final byte OLD_REPLY_BYTE = 0x5a;
  /** The pong the device writes. */
  private static final byte[] PONG = "PONG from device".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Where the reply buffer lives. */
  public enum Placement {
    /** {@code ping_dev.reply}, right after the counter: one allocation, shared cache line. */
    EMBEDDED,
    /** A separate {@code kmalloc(ALIGN(16, ARCH_DMA_MINALIGN))}: the reply owns its lines. */
    OWN_KMALLOC
  }

  /**
   * What one ping left behind.
   *
   * @param pong what the device wrote
   * @param reply what the CPU read from the reply buffer after unmapping
   * @param counter what the CPU read from the counter at the end (2 if no store was lost)
   */
  public record Result(byte[] pong, byte[] reply, int counter) {
    /** Copies the arrays. */
    public Result {
      pong = pong.clone();
      reply = reply.clone();
    }

    /** Whether the CPU read the device's pong. */
    public boolean replyIntact() {
      return Arrays.equals(reply, pong);
    }

    /** Whether both of the CPU's stores to the counter survived. */
    public boolean counterIntact() {
      return counter == 2;
    }
  }

  private final Platform platform;
  private final Placement placement;

  /** The driver on {@code platform}, its reply placed by {@code placement}. */
  public PingDriver(Platform platform, Placement placement) {
    if (platform == null || placement == null) {
      throw new IllegalArgumentException("platform and placement must not be null");
    }
    this.platform = platform;
    this.placement = placement;
  }

  /** Sends one ping and reads back the reply and the counter. */
  public Result ping() {
    CpuAccess cpu = platform.cpu();
    long dev = platform.memory().kmalloc(STRUCT_BYTES);
    long counter = dev + COUNTER_OFFSET;
    long reply = placement == Placement.EMBEDDED ? dev + REPLY_OFFSET : platform.memory().kmalloc(alignedReplySize());

    byte[] old = new byte[REPLY_BYTES];
    Arrays.fill(old, OLD_REPLY_BYTE);
    cpu.write(reply, old);
    cpu.write32(counter, 1);

    platform.note("ping: map the reply FROM_DEVICE and start the device");
    long replyDma = platform.dma().mapSingle(reply, REPLY_BYTES, DmaDirection.FROM_DEVICE);
    if (platform.dma().mappingError(replyDma)) {
      throw new IllegalStateException("dma_map_single of the reply failed");
    }
    TransferHandle transfer = platform.device().start(Transfer.fromDevice(replyDma, PONG), done -> { });

    platform.note("ping: bump the counter while the device writes the pong");
    cpu.write32(counter, cpu.read32(counter) + 1);

    platform.waitFor(transfer);
    platform.dma().unmapSingle(replyDma, REPLY_BYTES, DmaDirection.FROM_DEVICE);

    Result result = new Result(PONG, cpu.read(reply, REPLY_BYTES), cpu.read32(counter));
    if (placement == Placement.OWN_KMALLOC) {
      platform.memory().kfree(reply);
    }
    platform.memory().kfree(dev);
    return result;
  }

  /** {@code ALIGN(REPLY_BYTES, ARCH_DMA_MINALIGN)}: 16 on x86, 64 on ARMv7. */
  private int alignedReplySize() {
    int alignment = platform.target().dmaAlignment();
    return (REPLY_BYTES + alignment - 1) / alignment * alignment;
  }
}
