package org.dmasim.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import org.dmasim.core.AddressFault;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.FixedChoiceSource;
import org.dmasim.core.Machine;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.Machines;
import org.dmasim.core.Outcome;
import org.dmasim.core.SeededChoiceSource;
import org.dmasim.core.TraceEvent;
import org.dmasim.core.scenario.SeedScenario;
import org.junit.jupiter.api.DynamicTest;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;

/**
 * Assertions every architecture must pass, called from each architecture module's tests
 * with its own plugin (composition, not a base class).
 */
public final class ArchitectureContract {
  /** How many seeds the "under many seeds" checks run. */
  public static final int SEEDS = 200;

  private ArchitectureContract() {}

  /**
   * Every contract check as a named dynamic test, for an architecture module's test class:
   * {@code @TestFactory Stream<DynamicTest> contract() { return ArchitectureContract.tests(plugin, va); }}.
   * {@code pageTableAddress} is a virtual address the architecture translates through its page table.
   */
  public static Stream<DynamicTest> tests(ArchitecturePlugin plugin, long pageTableAddress) {
    return Stream.of(
        DynamicTest.dynamicTest("every profile builds with every key bound", () -> assertEveryProfileBuilds(plugin)),
        DynamicTest.dynamicTest("an aligned, padded buffer is correct under " + SEEDS + " seeds",
            () -> assertAlignedBufferIsCorrectUnderManySeeds(plugin)),
        DynamicTest.dynamicTest("one seed replays the same trace", () -> assertDeterministicPerSeed(plugin)),
        DynamicTest.dynamicTest("a restored machine runs as a fresh one", () -> assertRestoredMachineRunsAsFresh(plugin)),
        DynamicTest.dynamicTest("every part with state is restorable", () -> assertEveryStatefulPartIsRestorable(plugin)),
        DynamicTest.dynamicTest("a fault leaves the machine usable",
            () -> assertFaultLeavesMachineUsable(plugin, pageTableAddress)),
        DynamicTest.dynamicTest("an unknown profile is named", () -> assertUnknownProfileIsNamed(plugin)));
  }

  /** A registry holding only {@code plugin}. */
  public static ArchitectureRegistry registry(ArchitecturePlugin plugin) {
    return new ArchitectureRegistry(List.of(plugin));
  }

  /** A machine of {@code plugin}'s named profile, seeded. */
  public static Machine machine(ArchitecturePlugin plugin, String profile, long seed, boolean trace) {
    ArchitectureRegistry registry = registry(plugin);
    return Machines.create(registry, MachineSettings.of(registry.profile(plugin.name(), profile), seed)
        .withTrace(trace));
  }

  /**
   * The schedule in which the CPU's access to ifield comes before the device's bytes land:
   * the CPU always wins the bus, the device takes its longest latency, and the hardware
   * neither evicts nor speculates on its own.
   */
  public static ChoiceSource cpuFirstSchedule() {
    return new FixedChoiceSource(Map.of(ChoicePoint.BUS_ARBITRATION, 0, ChoicePoint.DEVICE_LATENCY, 3,
        ChoicePoint.SPONTANEOUS_EVICTION, 0, ChoicePoint.SPECULATIVE_FILL, 0), new SeededChoiceSource(0,
        org.dmasim.core.ChoiceRates.DEFAULT));
  }

  /** The seed scenario on {@code profile} in the CPU-first schedule. */
  public static SeedScenario.Result seedScenarioCpuFirst(ArchitecturePlugin plugin, String profile,
      SeedScenario.Layout layout) {
    ArchitectureRegistry registry = registry(plugin);
    Machine machine = Machines.create(registry, MachineSettings.of(registry.profile(plugin.name(), profile), 0),
        cpuFirstSchedule());
    return SeedScenario.run(machine, layout);
  }

  /** Every profile names the plugin's architecture, and a machine of each builds with every key bound. */
  public static void assertEveryProfileBuilds(ArchitecturePlugin plugin) {
    assertThat(plugin.profiles()).isNotEmpty();
    for (ArchitectureProfile profile : plugin.profiles()) {
      assertThat(profile.architecture()).isEqualTo(plugin.name());
      Machine machine = machine(plugin, profile.name(), 1, false);
      assertThat(machine.profile()).isEqualTo(profile);
      assertThat(machine.cache().geometry()).isEqualTo(profile.cache());
      assertThat(machine.dmaMaintenance()).isNotNull();
      long kernel = machine.addressSpace().kernelAddress(0x2000);
      assertThat(machine.addressSpace().translate(kernel).physicalAddress()).isEqualTo(0x2000);
      assertThat(machine.addressSpace().translate(kernel).attribute().cacheable()).isTrue();
      long uncached = machine.addressSpace().uncachedAlias(0x3000, 64);
      assertThat(machine.addressSpace().translate(uncached).physicalAddress()).isEqualTo(0x3000);
      assertThat(machine.addressSpace().translate(uncached).attribute().cacheable()).isFalse();
    }
  }

  /** The buffer aligned and padded to the DMA alignment is correct on every profile under many seeds. */
  public static void assertAlignedBufferIsCorrectUnderManySeeds(ArchitecturePlugin plugin) {
    for (ArchitectureProfile profile : plugin.profiles()) {
      for (long seed = 0; seed < SEEDS; seed++) {
        SeedScenario.Result result = SeedScenario.run(machine(plugin, profile.name(), seed, false),
            SeedScenario.Layout.DMA_ALIGNED);
        assertThat(result.outcome()).as("%s seed %d: %s", profile.qualifiedName(), seed, result.summary())
            .isEqualTo(Outcome.OK);
      }
    }
  }

  /** Two runs with one seed give identical traces; some other seed gives a different trace. */
  public static void assertDeterministicPerSeed(ArchitecturePlugin plugin) {
    for (ArchitectureProfile profile : plugin.profiles()) {
      List<TraceEvent> first = traceOf(plugin, profile.name(), 7);
      List<TraceEvent> second = traceOf(plugin, profile.name(), 7);
      assertThat(second).as(profile.qualifiedName()).isEqualTo(first);
      assertThat(first).isNotEmpty();
      boolean differs = false;
      for (long seed = 8; seed < 40 && !differs; seed++) {
        differs = !evictionTimes(traceOf(plugin, profile.name(), seed)).equals(evictionTimes(first));
      }
      assertThat(differs).as("%s: some seed evicts at other times than seed 7", profile.qualifiedName()).isTrue();
    }
  }

  /**
   * A machine put back in a saved state runs exactly as a fresh machine with the same choices:
   * the same trace (every event, time and byte), result and state hash, run after run in any
   * order of seeds. A stateful part of the architecture that is not {@link
   * org.dmasim.core.Restorable} carries state from one run into the next and fails this.
   */
  public static void assertRestoredMachineRunsAsFresh(ArchitecturePlugin plugin) {
    org.dmasim.core.ChoiceRates busy = new org.dmasim.core.ChoiceRates(0.5, 0.3, 0.4);
    for (ArchitectureProfile profile : plugin.profiles()) {
      ArchitectureRegistry registry = registry(plugin);
      MachineSettings settings = MachineSettings.of(registry.profile(plugin.name(), profile.name()), 0)
          .withTrace(true).withRates(busy);
      Machine transferring = Machines.create(registry, settings);
      transferring.dmaEngine().start(org.dmasim.core.DmaRequest.deviceWrite(0x10_0000, new byte[64]), transfer -> { });
      assertThatThrownBy(transferring::checkpoint).as("a transfer in flight cannot be saved")
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("in flight");
      transferring.runUntilIdle();
      assertThat(transferring.checkpoint()).isNotNull();

      ChoiceSource[] current = {null};
      Machine reused = Machines.create(registry, settings, (point, options) -> current[0].choose(point, options));
      Runnable restore = reused.checkpoint();
      for (long seed : new long[] {5, 1, 9, 2, 5}) {
        restore.run();
        current[0] = new SeededChoiceSource(seed, busy);
        SeedScenario.Result again = SeedScenario.run(reused, SeedScenario.Layout.EMBEDDED);
        Machine fresh = Machines.create(registry, settings.withSeed(seed));
        SeedScenario.Result first = SeedScenario.run(fresh, SeedScenario.Layout.EMBEDDED);
        assertThat(reused.trace().events()).as("%s seed %d: trace", profile.qualifiedName(), seed)
            .isEqualTo(fresh.trace().events());
        assertThat(again.summary()).as("%s seed %d", profile.qualifiedName(), seed).isEqualTo(first.summary());
        assertThat(reused.stateHash()).as("%s seed %d: state", profile.qualifiedName(), seed)
            .isEqualTo(fresh.stateHash());
        assertThat(reused.costs()).isEqualTo(fresh.costs());
      }
    }
  }

  /**
   * Every singleton of a machine of each profile whose class is the plugin's or core's and has
   * state is one of the machine's restorable parts ({@link RestorableParts}).
   */
  public static void assertEveryStatefulPartIsRestorable(ArchitecturePlugin plugin) {
    for (ArchitectureProfile profile : plugin.profiles()) {
      ArchitectureRegistry registry = registry(plugin);
      com.google.inject.Injector injector = Machines.injector(registry,
          MachineSettings.of(registry.profile(plugin.name(), profile.name()), 1), cpuFirstSchedule(), List.of());
      RestorableParts.assertStatefulSingletonsAreRestorable(injector, plugin.getClass().getPackageName());
      assertThat(RestorableParts.assertStatefulSingletonsAreRestorable(injector, "org.dmasim.core"))
          .as(profile.qualifiedName()).contains("PhysicalMemory", "SetAssociativeCache", "PageTable");
    }
  }

  /**
   * An access past the end of a page mapped at {@code virtualAddress} (an address the
   * architecture translates through its page table) fails naming the address, changes
   * nothing, and the machine goes on.
   */
  public static void assertFaultLeavesMachineUsable(ArchitecturePlugin plugin, long virtualAddress) {
    Machine machine = machine(plugin, plugin.profiles().get(0).name(), 3, false);
    machine.pageTable().map(virtualAddress, 0x8000, 4096, org.dmasim.core.PageAttribute.UNCACHED);
    byte[] before = machine.memory().read(0x8000 + 4096 - 8, 8);
    assertThatThrownBy(() -> machine.cpu().write(virtualAddress + 4096 - 8, new byte[16]))
        .isInstanceOf(AddressFault.class)
        .hasMessageContaining(Long.toHexString(virtualAddress + 4096));
    assertThat(machine.memory().read(0x8000 + 4096 - 8, 8)).isEqualTo(before);
    machine.cpu().store(virtualAddress, 8, 0x1234_5678_9abc_def0L);
    assertThat(machine.cpu().load(virtualAddress, 8)).isEqualTo(0x1234_5678_9abc_def0L);
    assertThat(machine.memory().read(0x8000, 8)).as("uncached: straight to memory")
        .isEqualTo(new byte[] {(byte) 0xf0, (byte) 0xde, (byte) 0xbc, (byte) 0x9a, 0x78, 0x56, 0x34, 0x12});
  }

  /** Unknown profile names fail listing the plugin's profiles. */
  public static void assertUnknownProfileIsNamed(ArchitecturePlugin plugin) {
    ArchitectureRegistry registry = registry(plugin);
    assertThatThrownBy(() -> registry.profile(plugin.name(), "no-such-profile"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'no-such-profile'")
        .hasMessageContaining(plugin.profiles().get(0).name());
  }

  private static List<TraceEvent> traceOf(ArchitecturePlugin plugin, String profile, long seed) {
    Machine machine = machine(plugin, profile, seed, true);
    SeedScenario.run(machine, SeedScenario.Layout.EMBEDDED);
    return machine.trace().events();
  }

  private static List<Long> evictionTimes(List<TraceEvent> events) {
    return events.stream()
        .filter(event -> event.kind() == TraceEvent.Kind.EVICTION || event.kind() == TraceEvent.Kind.SPECULATIVE_FILL
            || event.kind() == TraceEvent.Kind.DMA_BURST)
        .map(TraceEvent::time).toList();
  }
}
