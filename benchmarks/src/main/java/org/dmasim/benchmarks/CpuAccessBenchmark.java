package org.dmasim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.dmasim.core.MachineSettings;
import org.dmasim.driver.api.CpuAccess;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.boot.Platforms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU loads and stores through the driver-facing API ({@link CpuAccess}, which shows each
 * access to the DMA-API debug checker when it is on) to a cached kernel page, on a machine
 * booted as the comparison boots them: seeded hardware activity before every access (due
 * device events, spontaneous evictions, on arm64 speculative fills). A streaming mapping
 * the device owns is live elsewhere, so the checker has a mapping to check every access
 * against. One operation is one load or one store.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CpuAccessBenchmark {
  static final int ACCESSES = 1024;

  @Param({"x86", "arm64"})
  String arch;

  @Param({"on", "off"})
  String debug;

  private CpuAccess cpu;
  private long page;

  @Setup(Level.Trial)
  public void setUp() {
    MachineSettings settings = MachineSettings.of(Profiles.of(arch), 1);
    Platform platform = Platforms.boot(Profiles.REGISTRY, settings,
        debug.equals("on") ? DebugOptions.ON : DebugOptions.OFF).platform();
    page = platform.memory().allocPages(0);
    long buffer = platform.memory().kmalloc(256);
    long mapped = platform.dma().mapSingle(buffer, 256, DmaDirection.FROM_DEVICE);
    if (platform.dma().mappingError(mapped)) {
      throw new IllegalStateException("the benchmark's mapping failed");
    }
    cpu = platform.cpu();
  }

  /** 512 64-bit loads and 512 64-bit stores walking one 4 KiB page. */
  @Benchmark
  @OperationsPerInvocation(ACCESSES)
  public long loadsAndStores() {
    CpuAccess access = cpu;
    long base = page;
    long sum = 0;
    for (int i = 0; i < ACCESSES / 2; i++) {
      long address = base + ((i * 8L) & 4095);
      sum += access.read64(address);
      access.write64(address, sum);
    }
    return sum;
  }
}
