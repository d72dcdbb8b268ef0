package org.dmasim.samples.drivers.spisensor;

import jakarta.inject.Inject;
import org.dmasim.driver.api.CpuAccess;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.Transfer;
import org.dmasim.driver.api.TransferHandle;
import org.dmasim.driver.api.layout.CType;
import org.dmasim.driver.api.layout.FieldAnnotation;
import org.dmasim.driver.api.layout.StructDeclaration;
import org.dmasim.driver.api.layout.StructLayout;
import org.dmasim.samples.drivers.DriverSupport;
import org.dmasim.samples.drivers.Expectations;
import org.dmasim.samples.drivers.Recorder;
import org.dmasim.samples.drivers.SampleDriver;

/**
 * An IIO-style SPI sensor: {@code struct sensor_state { int lock; u32 mode; u32 samples;
 * u8 rx_buf[4]; }} kmalloc'd, the receive buffer at the end mapped FROM_DEVICE for a 4-byte
 * read. While the transfer is in flight another path takes the lock (a spinlock stand-in:
 * store 1), counts a sample, reads the mode and releases the lock (store 0). The annotation on
 * {@code rx_buf} is the injected {@link RxBufferPlacement}, applied for the target at run time.
 *
 * <p>Mappings are undone before {@code run} returns; memory stays allocated, as the oracle
 * reads memory at the device's addresses after the run.
 *
 * <p>Expectations: only OK is acceptable; the unaligned placement is a bug kept to show it.
 */
public final class SpiSensorDriver implements SampleDriver {
  /** Bytes the sensor returns. */
  public static final int RX_BYTES = 4;
  /** The mode the driver configured before the transfer. */
  public static final int MODE = 0x0000_00a5;
  /** The sample count before the transfer; the transfer's path stores one more. */
  public static final int SAMPLES_BEFORE = 41;
  /** What rx_buf holds before the transfer. */
  public static final int OLD_RX_BYTE = 0x5a;
  private static final byte[] READING = {0x12, 0x34, 0x56, 0x78};

  /** How the outcomes of this sample are graded. */
  public static final Expectations EXPECTATIONS = Expectations.okOnly(
      "the CPU read the sensor's 4 bytes and kept the lock and state stores",
      "the CPU read a stale rx_buf: the line holding the lock was cached over the transfer",
      "a write-back of the line holding the lock overwrote the sensor's bytes in memory",
      "an invalidate of rx_buf's line discarded a store to the lock or the state");

  private final Platform platform;
  private final RxBufferPlacement placement;

  /** The driver on {@code platform}, its receive buffer placed by {@code placement}. */
  @Inject
  public SpiSensorDriver(Platform platform, RxBufferPlacement placement) {
    this.platform = platform;
    this.placement = placement;
  }

  /** The state struct with {@code rx_buf} carrying {@code annotations}. */
  public static StructDeclaration declaration(FieldAnnotation... annotations) {
    return StructDeclaration.named("sensor_state")
        .field("lock", CType.INT)
        .field("mode", CType.U32)
        .field("samples", CType.U32)
        .array("rx_buf", CType.U8, RX_BYTES, annotations)
        .build();
  }

  @Override
  public void run(Recorder recorder) {
    CpuAccess cpu = platform.cpu();
    StructLayout layout = declaration(placement.rxBufAnnotations(platform.target())).layout(platform.target());
    long state = platform.memory().kmalloc(layout.size());
    long lock = state + layout.field("lock").offset();
    long mode = state + layout.field("mode").offset();
    long samples = state + layout.field("samples").offset();
    long rxBuf = state + layout.field("rx_buf").offset();

    platform.note("spi-sensor: initialise the state; rx_buf holds old bytes");
    cpu.write32(lock, 0);
    cpu.write32(mode, MODE);
    cpu.write32(samples, SAMPLES_BEFORE);
    cpu.write(rxBuf, DriverSupport.filled(RX_BYTES, OLD_RX_BYTE));

    platform.note("spi-sensor: map rx_buf FROM_DEVICE and start the read");
    long dma = DriverSupport.mapSingle(platform, rxBuf, RX_BYTES, DmaDirection.FROM_DEVICE, "sensor_state.rx_buf");
    TransferHandle transfer = platform.device().start(Transfer.fromDevice(dma, READING), done -> { });

    platform.note("spi-sensor: another path takes the lock and updates the state during the transfer");
    cpu.write32(lock, 1);
    int seen = cpu.read32(samples);
    cpu.write32(samples, seen + 1);
    int modeSeen = cpu.read32(mode);
    cpu.write32(lock, 0);

    platform.waitFor(transfer);
    platform.note("spi-sensor: unmap rx_buf and read the sample");
    platform.dma().unmapSingle(dma, RX_BYTES, DmaDirection.FROM_DEVICE);
    byte[] read = cpu.read(rxBuf, RX_BYTES);
    int lockAtEnd = cpu.read32(lock);
    int samplesAtEnd = cpu.read32(samples);

    recorder.deviceWrote("sensor_state.rx_buf", dma, READING);
    recorder.cpuRead("sensor_state.rx_buf", read, READING);
    recorder.cpuStore("sensor_state.mode stored before mapping (as the CPU saw it during the transfer)", MODE,
        modeSeen);
    recorder.cpuStore("sensor_state.samples stored before mapping (as the CPU saw it during the transfer)",
        SAMPLES_BEFORE, seen);
    recorder.cpuStore("sensor_state.samples stored during the transfer", SAMPLES_BEFORE + 1L, samplesAtEnd);
    recorder.cpuStore("sensor_state.lock released during the transfer", 0, lockAtEnd);
    recorder.paddingBytes(DriverSupport.structPadding(layout)
        + DriverSupport.kmallocRounding(platform, state, layout.size()));
  }
}
