package org.dmasim.samples.catalog;

import com.google.inject.Module;
import java.util.List;
import org.dmasim.core.Names;
import org.dmasim.samples.drivers.SampleDriver;
import org.dmasim.samples.drivers.iostruct.BufferStrategy;
import org.dmasim.samples.drivers.iostruct.CachelineAlignedStrategy;
import org.dmasim.samples.drivers.iostruct.DmaBufferAttributeStrategy;
import org.dmasim.samples.drivers.iostruct.DmaPoolStrategy;
import org.dmasim.samples.drivers.iostruct.EmbeddedStrategy;
import org.dmasim.samples.drivers.iostruct.IostructDriver;
import org.dmasim.samples.drivers.iostruct.SeparateKmallocStrategy;
import org.dmasim.samples.drivers.iostruct.UncachedPageStrategy;
import org.dmasim.samples.drivers.rxring.PacketSync;
import org.dmasim.samples.drivers.rxring.ReadThenSync;
import org.dmasim.samples.drivers.rxring.RxRingDriver;
import org.dmasim.samples.drivers.rxring.SyncThenRead;
import org.dmasim.samples.drivers.spisensor.CachelineAlignedPlacement;
import org.dmasim.samples.drivers.spisensor.DmaMinalignPlacement;
import org.dmasim.samples.drivers.spisensor.RxBufferPlacement;
import org.dmasim.samples.drivers.spisensor.SpiSensorDriver;
import org.dmasim.samples.drivers.spisensor.UnalignedPlacement;
import org.dmasim.samples.drivers.usbstatus.SeparateStatus;
import org.dmasim.samples.drivers.usbstatus.SharedStructStatus;
import org.dmasim.samples.drivers.usbstatus.StatusPlacement;
import org.dmasim.samples.drivers.usbstatus.UsbStatusDriver;

/** Every sample driver with its strategies, in the order reports list them. */
public final class SampleCatalog {
  private static final List<SampleInfo> SAMPLES = List.of(
      new SampleInfo("iostruct",
          "The 2002 driver: int ifield next to a 16-byte FROM_DEVICE buffer, updated during the transfer",
          IostructDriver.class, IostructDriver.EXPECTATIONS, List.of(
              strategy("embedded", "struct { int ifield; char buffer[16]; } kmalloc'd: the bug",
                  IostructDriver.class, BufferStrategy.class, EmbeddedStrategy.class),
              strategy("dma-buffer-attribute", "the proposed __dma_buffer on the buffer (ARCH_DMA_MINALIGN, padded)",
                  IostructDriver.class, BufferStrategy.class, DmaBufferAttributeStrategy.class),
              strategy("cacheline-aligned", "____cacheline_aligned on the buffer (L1_CACHE_BYTES)",
                  IostructDriver.class, BufferStrategy.class, CachelineAlignedStrategy.class),
              strategy("separate-kmalloc", "struct { int ifield; char *buffer; }, the buffer kmalloc'd on its own",
                  IostructDriver.class, BufferStrategy.class, SeparateKmallocStrategy.class),
              strategy("uncached-page", "embedded, the struct's page made uncached during the transfer",
                  IostructDriver.class, BufferStrategy.class, UncachedPageStrategy.class),
              strategy("dma-pool", "struct { int ifield; void *buffer; }, the buffer a dma_pool block",
                  IostructDriver.class, BufferStrategy.class, DmaPoolStrategy.class),
              new StrategyInfo("bounce", "embedded, the machine booted with swiotlb=force: every mapping bounced",
                  true, module(IostructDriver.class, BufferStrategy.class, EmbeddedStrategy.class)))),
      new SampleInfo("rx-ring",
          "A network receive ring: coherent descriptors, streaming packet buffers recycled with syncs",
          RxRingDriver.class, RxRingDriver.EXPECTATIONS, List.of(
              strategy("correct", "sync_for_cpu, then read the packet",
                  RxRingDriver.class, PacketSync.class, SyncThenRead.class),
              strategy("missing-sync", "read the packet, then sync_for_cpu: the classic bug",
                  RxRingDriver.class, PacketSync.class, ReadThenSync.class))),
      new SampleInfo("usb-status",
          "A hub-style driver: an 8-byte TO_DEVICE request and a 4-byte FROM_DEVICE status mapped at once",
          UsbStatusDriver.class, UsbStatusDriver.EXPECTATIONS, List.of(
              strategy("both-mapped", "request, status and counter in one struct: the status shares their line",
                  UsbStatusDriver.class, StatusPlacement.class, SharedStructStatus.class),
              strategy("fixed", "the status in its own kmalloc, rounded up to ARCH_DMA_MINALIGN",
                  UsbStatusDriver.class, StatusPlacement.class, SeparateStatus.class))),
      new SampleInfo("spi-sensor",
          "An IIO-style sensor: a 4-byte receive buffer at the end of a state struct with a lock",
          SpiSensorDriver.class, SpiSensorDriver.EXPECTATIONS, List.of(
              strategy("unaligned", "u8 rx_buf[4] with no annotation",
                  SpiSensorDriver.class, RxBufferPlacement.class, UnalignedPlacement.class),
              strategy("cacheline-aligned", "rx_buf ____cacheline_aligned (L1_CACHE_BYTES)",
                  SpiSensorDriver.class, RxBufferPlacement.class, CachelineAlignedPlacement.class),
              strategy("dma-minalign", "rx_buf __aligned(ARCH_DMA_MINALIGN)",
                  SpiSensorDriver.class, RxBufferPlacement.class, DmaMinalignPlacement.class))));

  private SampleCatalog() {}

  /** Every sample: iostruct, rx-ring, usb-status, spi-sensor. */
  public static List<SampleInfo> all() {
    return SAMPLES;
  }

  /** The sample called {@code name}, or an error listing the samples and suggesting the closest. */
  public static SampleInfo sample(String name) {
    List<String> names = SAMPLES.stream().map(SampleInfo::name).toList();
    return SAMPLES.stream().filter(sample -> sample.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown sample '" + name + "'. Available: "
            + String.join(", ", names) + "." + (name == null ? "" : Names.didYouMean(name, names))));
  }

  private static <S> StrategyInfo strategy(String name, String description, Class<? extends SampleDriver> driver,
      Class<S> strategyInterface, Class<? extends S> implementation) {
    return new StrategyInfo(name, description, false, module(driver, strategyInterface, implementation));
  }

  /** Binds the driver, and the strategy interface to its implementation, all explicitly. */
  private static <S> Module module(Class<? extends SampleDriver> driver, Class<S> strategyInterface,
      Class<? extends S> implementation) {
    return binder -> {
      binder.bind(driver);
      binder.bind(strategyInterface).to(implementation);
      binder.bind(implementation);
    };
  }
}
