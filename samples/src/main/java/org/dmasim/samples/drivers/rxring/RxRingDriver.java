package org.dmasim.samples.drivers.rxring;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dmasim.driver.api.CoherentBuffer;
import org.dmasim.driver.api.CpuAccess;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.Transfer;
import org.dmasim.driver.api.TransferHandle;
import org.dmasim.driver.api.layout.CType;
import org.dmasim.driver.api.layout.StructDeclaration;
import org.dmasim.driver.api.layout.StructLayout;
import org.dmasim.samples.drivers.DriverSupport;
import org.dmasim.samples.drivers.Expectations;
import org.dmasim.samples.drivers.Recorder;
import org.dmasim.samples.drivers.SampleDriver;

/**
 * A network receive ring: {@value #RING_SIZE} descriptors ({@code struct rx_desc { __le32
 * status_len; __le64 buffer; }}) in one coherent allocation, and {@value #BUFFERS} packet
 * buffers of {@value #BUFFER_BYTES} bytes, kmalloc'd and mapped FROM_DEVICE once, recycled over
 * {@value #PACKETS} packets. The device writes a packet into the buffer of the next armed
 * descriptor, then the descriptor's status word (done bit and length). The driver waits,
 * starts the device on the next descriptor (so the device fills one buffer while the CPU reads
 * the other), reads the status, takes the packet with the injected {@link PacketSync} (which
 * returns the bytes the driver inspects to classify it), copies the packet into the socket
 * buffer it passes up the stack (copybreak), syncs the buffer for the device again and re-arms
 * a descriptor with it.
 *
 * <p>The copy is the CPU's last read of a buffer before it is recycled, so every packet but the
 * first in a buffer lands where the CPU's cache may still hold the previous one: a cache that
 * kept those lines through sync_for_device (arm64 since 5.19 only cleans), or filled them
 * speculatively while the device wrote, shows the missing sync of {@link ReadThenSync}.
 *
 * <p>Mappings are undone before {@code run} returns; memory stays allocated, as the oracle
 * reads memory at the device's addresses after the run.
 *
 * <p>Expectations: only OK is acceptable; a stale packet is a driver bug (the missing-sync
 * variant is kept to show it), never behaviour a correct driver may see.
 */
public final class RxRingDriver implements SampleDriver {
  /** Descriptors in the ring. */
  public static final int RING_SIZE = 4;
  /** Packet buffers recycled through the ring. */
  public static final int BUFFERS = 2;
  /** Bytes of each packet buffer. */
  public static final int BUFFER_BYTES = 256;
  /** Packets received per run. */
  public static final int PACKETS = 6;
  /** The status word's bit the device sets when a descriptor holds a packet. */
  public static final int DESC_DONE = 0x8000_0000;
  /** The status word's bits holding the packet length. */
  public static final int DESC_LENGTH_MASK = 0xffff;

  /** The receive descriptor as the device reads and writes it. */
  public static final StructDeclaration RX_DESC = StructDeclaration.named("rx_desc")
      .field("status_len", CType.LE32)
      .field("buffer", CType.LE64)
      .build();

  /** How the outcomes of this sample are graded. */
  public static final Expectations EXPECTATIONS = Expectations.okOnly(
      "every packet and descriptor status the CPU read is what the device wrote",
      "the CPU passed up a packet with bytes from before the device wrote it (cached or prefetched lines)",
      "memory lost bytes the device wrote (a cached line was written back over them)",
      "a store the driver made was lost");

  private static final int[] PACKET_LENGTHS = {256, 192, 256, 128, 256, 224};

  private final Platform platform;
  private final PacketSync sync;

  /** The driver on {@code platform}, taking packets with {@code sync}. */
  @Inject
  public RxRingDriver(Platform platform, PacketSync sync) {
    this.platform = platform;
    this.sync = sync;
  }

  /** One packet the device is receiving: its descriptor and buffer, its bytes, the status it writes, its transfers. */
  private static final class Reception {
    final int descriptor;
    final int buffer;
    final byte[] bytes;
    final byte[] status;
    TransferHandle data;
    TransferHandle statusWrite;

    Reception(int descriptor, int buffer, byte[] bytes, byte[] status) {
      this.descriptor = descriptor;
      this.buffer = buffer;
      this.bytes = bytes;
      this.status = status;
    }
  }

  @Override
  public void run(Recorder recorder) {
    CpuAccess cpu = platform.cpu();
    StructLayout desc = RX_DESC.layout(platform.target());
    int statusOffset = desc.field("status_len").offset();
    int bufferOffset = desc.field("buffer").offset();
    CoherentBuffer ring = platform.dma().allocCoherent((long) desc.size() * RING_SIZE);
    long padding = DriverSupport.structPadding(desc) * RING_SIZE;

    long[] buffers = new long[BUFFERS];
    long[] dma = new long[BUFFERS];
    for (int b = 0; b < BUFFERS; b++) {
      buffers[b] = platform.memory().kmalloc(BUFFER_BYTES);
      padding += DriverSupport.kmallocRounding(platform, buffers[b], BUFFER_BYTES);
      dma[b] = DriverSupport.mapSingle(platform, buffers[b], BUFFER_BYTES, DmaDirection.FROM_DEVICE,
          "rx buffer " + b);
    }
    int[] bufferOf = new int[RING_SIZE];
    // Device writes whose bytes must still be in memory at the end, by device address.
    Map<Long, Recorder.DeviceWrite> lasting = new LinkedHashMap<>();

    platform.note("rx-ring: arm the first descriptors");
    for (int d = 0; d < BUFFERS; d++) {
      arm(ring.cpuAddress() + (long) d * desc.size(), statusOffset, bufferOffset, dma[d]);
      bufferOf[d] = d;
    }

    Reception next = receive(0, bufferOf[0], dma[0], ring.dmaAddress() + statusOffset);
    for (int p = 0; p < PACKETS; p++) {
      Reception current = next;
      platform.waitFor(current.data);
      platform.waitFor(current.statusWrite);
      lasting.put(dma[current.buffer], new Recorder.DeviceWrite("packet " + p + " in rx buffer " + current.buffer,
          dma[current.buffer], current.bytes));
      long statusDma = ring.dmaAddress() + (long) current.descriptor * desc.size() + statusOffset;
      lasting.put(statusDma, new Recorder.DeviceWrite("rx_desc[" + current.descriptor + "].status_len (packet " + p
          + ")", statusDma, current.status));
      if (p + 1 < PACKETS) {
        int d = (p + 1) % RING_SIZE;
        next = receive(p + 1, bufferOf[d], dma[bufferOf[d]],
            ring.dmaAddress() + (long) d * desc.size() + statusOffset);
      }

      long descriptor = ring.cpuAddress() + (long) current.descriptor * desc.size();
      int statusLen = cpu.read32(descriptor + statusOffset);
      recorder.cpuRead("rx_desc[" + current.descriptor + "].status_len (packet " + p + ")",
          DriverSupport.le32(statusLen), current.status);
      int length = (statusLen & DESC_DONE) == 0 ? 0 : Math.min(statusLen & DESC_LENGTH_MASK, BUFFER_BYTES);
      int b = current.buffer;
      String what = "packet " + p + " (rx_desc[" + current.descriptor + "], rx buffer " + b + ")";
      byte[] inspected = length == 0 ? new byte[0] : sync.receive(buffers[b], dma[b], length);
      recorder.cpuRead(what + " as the driver inspected it", inspected, current.bytes);
      platform.note("rx-ring: copy packet " + p + " into the socket buffer passed up the stack");
      byte[] copied = length == 0 ? new byte[0] : cpu.read(buffers[b], length);
      recorder.cpuRead(what + " as copied up the stack", copied, current.bytes);

      platform.note("rx-ring: recycle rx buffer " + b);
      platform.dma().syncSingleForDevice(dma[b], BUFFER_BYTES, DmaDirection.FROM_DEVICE);
      int refill = (current.descriptor + BUFFERS) % RING_SIZE;
      long refillDescriptor = ring.cpuAddress() + (long) refill * desc.size();
      arm(refillDescriptor, statusOffset, bufferOffset, dma[b]);
      lasting.remove(ring.dmaAddress() + (long) refill * desc.size() + statusOffset);
      bufferOf[refill] = b;
    }

    platform.note("rx-ring: stop, unmap the buffers");
    for (int b = 0; b < BUFFERS; b++) {
      platform.dma().unmapSingle(dma[b], BUFFER_BYTES, DmaDirection.FROM_DEVICE);
    }
    // Packet data first: the comparison's failure timeline watches the first device write.
    lasting.values().stream().filter(write -> write.what().startsWith("packet"))
        .forEach(write -> recorder.deviceWrote(write.what(), write.dmaAddress(), write.bytes()));
    lasting.values().stream().filter(write -> !write.what().startsWith("packet"))
        .forEach(write -> recorder.deviceWrote(write.what(), write.dmaAddress(), write.bytes()));
    recorder.paddingBytes(padding);
  }

  /** The driver gives a descriptor to the device: the buffer's device address, status cleared. */
  private void arm(long descriptor, int statusOffset, int bufferOffset, long bufferDma) {
    platform.cpu().write64(descriptor + bufferOffset, bufferDma);
    platform.cpu().write32(descriptor + statusOffset, 0);
  }

  /**
   * The device receives packet {@code p} into the descriptor's buffer: it writes the packet, and
   * when that is done the descriptor's status word.
   */
  private Reception receive(int p, int buffer, long bufferDma, long statusDma) {
    int length = PACKET_LENGTHS[p % PACKET_LENGTHS.length];
    byte[] bytes = DriverSupport.pattern(length, 0x10 * (p + 1));
    byte[] status = DriverSupport.le32(DESC_DONE | length);
    Reception reception = new Reception(p % RING_SIZE, buffer, bytes, status);
    reception.data = platform.device().start(Transfer.fromDevice(bufferDma, bytes),
        done -> reception.statusWrite =
            platform.device().start(Transfer.fromDevice(statusDma, status), ignored -> { }));
    return reception;
  }
}
