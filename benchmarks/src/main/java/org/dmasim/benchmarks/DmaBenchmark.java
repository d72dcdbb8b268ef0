package org.dmasim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.dmasim.core.DmaRequest;
import org.dmasim.core.Machine;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.Machines;
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
 * Simulated DMA: a device moves 64 KiB in bursts through the architecture's bus (snooped by
 * the cache on x86, straight to memory on arm64) while the machine idles, the hardware
 * taking its seeded choices between bursts (spontaneous evictions; on arm64 speculative
 * fills around the CPU's last access). One operation is one byte moved, so the score is
 * bytes of simulated transfer per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DmaBenchmark {
  static final int TRANSFER = 64 << 10;
  static final long BUFFER = 16L << 20;

  @Param({"x86", "arm64"})
  String arch;

  /**
   * Bytes per burst: 8 is the comparison's default (fine-grained, so the device interleaves
   * with the CPU), 64 a cache line (a small PCIe payload); 16 and 32 show how the rate grows.
   */
  @Param({"8", "16", "32", "64"})
  int burst;

  private Machine machine;
  private byte[] data;

  @Setup(Level.Trial)
  public void setUp() {
    machine = Machines.create(Profiles.REGISTRY, MachineSettings.of(Profiles.of(arch), 1).withDmaBurstBytes(burst));
    data = new byte[TRANSFER];
    for (int i = 0; i < TRANSFER; i++) {
      data[i] = (byte) i;
    }
    long kernel = machine.addressSpace().kernelAddress(BUFFER);
    for (int offset = 0; offset < 4096; offset += 64) {
      machine.cpu().load(kernel + offset, 8);
    }
  }

  /** The device writes 64 KiB to memory (FROM_DEVICE). */
  @Benchmark
  @OperationsPerInvocation(TRANSFER)
  public long deviceWrites() {
    machine.dmaEngine().start(DmaRequest.deviceWrite(BUFFER, data), transfer -> { });
    machine.runUntilIdle();
    return machine.time().now();
  }

  /** The device reads 64 KiB of memory (TO_DEVICE). */
  @Benchmark
  @OperationsPerInvocation(TRANSFER)
  public long deviceReads() {
    machine.dmaEngine().start(DmaRequest.deviceRead(BUFFER, TRANSFER), transfer -> { });
    machine.runUntilIdle();
    return machine.time().now();
  }
}
