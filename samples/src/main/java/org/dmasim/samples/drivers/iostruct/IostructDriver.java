package org.dmasim.samples.drivers.iostruct;

import jakarta.inject.Inject;
import org.dmasim.driver.api.CpuAccess;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.Transfer;
import org.dmasim.driver.api.TransferHandle;
import org.dmasim.samples.drivers.DriverSupport;
import org.dmasim.samples.drivers.Expectations;
import org.dmasim.samples.drivers.Recorder;
import org.dmasim.samples.drivers.SampleDriver;

/**
 * The 2002 driver: a struct holds {@code int ifield} next to a 16-byte buffer the device
 * fills. The CPU leaves old bytes in the buffer and sets ifield, hands the buffer to the
 * device, reads and updates ifield while the transfer is in flight, takes the buffer back and
 * reads it and ifield. Where the buffer lives is the injected {@link BufferStrategy}; this
 * code is the same for every strategy.
 *
 * <p>Mappings are undone before {@code run} returns; memory stays allocated, as the oracle
 * reads memory at the device's addresses after the run (and {@code dma_pool_free} would
 * poison a pool block).
 *
 * <p>Expectations: only OK is acceptable. Every failure is a bug of the placement (the
 * {@code embedded} strategy is kept to show it), none is behaviour an architecture is allowed
 * to show a correct driver, so none is graded merely interesting.
 */
public final class IostructDriver implements SampleDriver {
  /** Bytes of the device buffer. */
  public static final int BUFFER_BYTES = 16;
  /** What ifield holds before the buffer is handed to the device. */
  public static final int IFIELD_BEFORE_MAP = 0x1111_1111;
  /** What the CPU stores to ifield while the transfer is in flight. */
  public static final int IFIELD_DURING_TRANSFER = 0x2222_2222;
  /** What the buffer holds before the transfer (the driver's previous use of it). */
  public static final int OLD_BUFFER_BYTE = 0x5a;
  /** The first byte of the device's pattern; the rest count up from it. */
  public static final int PATTERN_FIRST_BYTE = 0xc0;

  /** How the outcomes of this sample are graded. */
  public static final Expectations EXPECTATIONS = Expectations.okOnly(
      "the CPU read the device's 16 bytes and kept both stores to ifield",
      "the CPU read stale buffer bytes: a line holding ifield and the buffer was cached over the transfer",
      "a write-back of the line holding ifield overwrote the device's bytes in memory",
      "an invalidate of the buffer's lines discarded a store to ifield");

  private final Platform platform;
  private final BufferStrategy strategy;

  /** The driver on {@code platform}, with its buffer placed by {@code strategy}. */
  @Inject
  public IostructDriver(Platform platform, BufferStrategy strategy) {
    this.platform = platform;
    this.strategy = strategy;
  }

  @Override
  public void run(Recorder recorder) {
    CpuAccess cpu = platform.cpu();
    IostructBuffers io = strategy.allocate(BUFFER_BYTES);
    byte[] pattern = DriverSupport.pattern(BUFFER_BYTES, PATTERN_FIRST_BYTE);

    platform.note("iostruct: the buffer holds its previous contents; ifield = "
        + Integer.toHexString(IFIELD_BEFORE_MAP));
    cpu.write(io.buffer(), DriverSupport.filled(BUFFER_BYTES, OLD_BUFFER_BYTE));
    cpu.write32(io.ifield(), IFIELD_BEFORE_MAP);

    platform.note("iostruct: hand the buffer to the device and start it");
    long dmaAddress = io.handToDevice();
    TransferHandle transfer = platform.device().start(Transfer.fromDevice(dmaAddress, pattern), done -> { });

    platform.note("iostruct: read and update ifield while the transfer is in flight");
    int seen = cpu.read32(io.ifield());
    cpu.write32(io.ifield(), IFIELD_DURING_TRANSFER);

    platform.waitFor(transfer);
    platform.note("iostruct: take the buffer back, read it and ifield");
    io.takeBack();
    byte[] read = cpu.read(io.buffer(), BUFFER_BYTES);
    int atEnd = cpu.read32(io.ifield());

    recorder.deviceWrote("iostruct.buffer", dmaAddress, pattern);
    recorder.cpuRead("iostruct.buffer", read, pattern);
    recorder.cpuStore("iostruct.ifield stored before the buffer was mapped (as the CPU saw it during the transfer)",
        Integer.toUnsignedLong(IFIELD_BEFORE_MAP), Integer.toUnsignedLong(seen));
    recorder.cpuStore("iostruct.ifield stored during the transfer", Integer.toUnsignedLong(IFIELD_DURING_TRANSFER),
        Integer.toUnsignedLong(atEnd));
    recorder.paddingBytes(io.paddingBytes());
  }
}
