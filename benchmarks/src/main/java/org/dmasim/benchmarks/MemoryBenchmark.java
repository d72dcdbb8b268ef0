package org.dmasim.benchmarks;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.Cache;
import org.dmasim.core.DeviceBus;
import org.dmasim.core.DmaMaintenance;
import org.dmasim.core.DmaRequest;
import org.dmasim.core.Machine;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.Machines;
import org.dmasim.core.PageAttribute;
import org.dmasim.core.PageTable;
import org.dmasim.core.PhysicalMemory;
import org.dmasim.core.spi.LinearAddressSpace;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory: a machine with a 4 GiB physical address space (an x86-like architecture whose
 * linear map covers 4 GiB) that touches 1 MiB of it, spread over the whole space: 256 pages
 * written by the CPU through the cache and 256 KiB written by a device. The fork runs with
 * a 64 MiB heap ({@code -Xmx64m}), so it fails if the machine does not fit; the secondary
 * results say how much heap the live machine holds after a full collection. (JMH sums
 * auxiliary counters over the measured iterations, hence one measured iteration.)
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m", "-Xms64m"})
@State(Scope.Benchmark)
public class MemoryBenchmark {
  static final long MEMORY_BYTES = 4L << 30;
  static final long LINEAR_BASE = 0xffff_8880_0000_0000L;
  static final long ALIAS_BASE = 0xffff_c900_0000_0000L;
  static final int PAGES = 256;

  /** Heap figures of the last machine, as secondary results. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    /** Heap the live machine holds (heap used with it, after a full collection, minus heap used before), MiB. */
    public double machineHeapMiB;
    /** All heap in use with the machine live after a full collection (the harness included), MiB. */
    public double heapUsedMiB;
    /** Physical memory frames the machine created. */
    public double frames;
  }

  private ArchitectureRegistry registry;
  private ArchitectureProfile profile;

  @Setup(Level.Trial)
  public void setUp() {
    ArchitectureProfile x86 = Profiles.of("x86");
    profile = new ArchitectureProfile("x86-4g", "x86-64-4g", "x86-64 with 4 GiB of physical memory", x86.cache(),
        x86.l1CacheBytes(), x86.dmaAlignment(), x86.kmallocMinimumAlignment(), true, false, false, x86.abi(),
        x86.costs());
    registry = new ArchitectureRegistry(List.of(new FourGiB(profile)));
  }

  @Benchmark
  public Machine fourGiBMachineTouchingOneMiB(Heap heap) {
    long before = usedAfterCollection();
    Machine machine = Machines.create(registry, MachineSettings.of(profile, 1));
    long stride = MEMORY_BYTES / PAGES;
    for (int page = 0; page < PAGES; page++) {
      long physical = page * stride + (page % 2 == 0 ? 0 : stride / 2);
      long virtual = machine.addressSpace().kernelAddress(physical);
      if (page % 4 == 3) {
        machine.dmaEngine().start(DmaRequest.deviceWrite(physical, new byte[4096]), transfer -> { });
        machine.runUntilIdle();
      } else {
        for (int offset = 0; offset < 4096; offset += 8) {
          machine.cpu().store(virtual + offset, 8, page * 4096L + offset);
        }
      }
    }
    for (long line : machine.cache().validLines()) {
      machine.cache().cleanInvalidate(line);
    }
    long after = usedAfterCollection();
    heap.machineHeapMiB = (after - before) / (1024.0 * 1024.0);
    heap.heapUsedMiB = after / (1024.0 * 1024.0);
    heap.frames = machine.memory().touchedFrames();
    return machine;
  }

  private static long usedAfterCollection() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** An x86-like architecture with 4 GiB of physical memory in its linear map. */
  static final class FourGiB implements ArchitecturePlugin {
    private final ArchitectureProfile profile;

    FourGiB(ArchitectureProfile profile) {
      this.profile = profile;
    }

    @Override
    public String name() {
      return profile.architecture();
    }

    @Override
    public String description() {
      return profile.description();
    }

    @Override
    public List<ArchitectureProfile> profiles() {
      return List.of(profile);
    }

    @Override
    public Module module(ArchitectureProfile chosen) {
      return new AbstractModule() {
        @Override
        protected void configure() {
          bind(ArchitectureProfile.class).toInstance(chosen);
          bind(DmaMaintenance.class).toInstance(DmaMaintenance.SNOOPED);
        }

        @Provides
        @Singleton
        DeviceBus bus(Cache cache, PhysicalMemory memory) {
          return DeviceBus.snooping(cache, memory);
        }

        @Provides
        @Singleton
        AddressSpace addressSpace(PageTable pageTable) {
          return new LinearAddressSpace(pageTable, LINEAR_BASE, MEMORY_BYTES, ALIAS_BASE, PageAttribute.UNCACHED);
        }
      };
    }
  }
}
