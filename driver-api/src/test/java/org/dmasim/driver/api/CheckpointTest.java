package org.dmasim.driver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.FixedChoiceSource;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.contract.RestorableParts;
import org.dmasim.core.SeededChoiceSource;
import org.dmasim.driver.boot.BootedPlatform;
import org.dmasim.driver.boot.Platforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A platform restored to a checkpoint runs a driver exactly as it ran from the checkpoint, run after run. */
class CheckpointTest {
  /**
   * What a driver left before the checkpoint: a device-owned mapping whose error it has not
   * checked yet, another that the CPU touched, a page and a stack buffer.
   */
  private record Before(long buffer, long handle, long touched, long touchedHandle, long page, long stack) {}

  private static Before before(Platform platform) {
    assertThatThrownBy(() -> platform.dma().syncSingleForCpu(0x2000_0000L, 64, DmaDirection.FROM_DEVICE))
        .isInstanceOf(IllegalArgumentException.class);
    long buffer = platform.memory().kmalloc(256);
    long handle = platform.dma().mapSingle(buffer, 256, DmaDirection.FROM_DEVICE);
    platform.memory().kmalloc(64);
    long touched = platform.memory().kmalloc(128);
    long touchedHandle = platform.dma().mapSingle(touched, 128, DmaDirection.FROM_DEVICE);
    platform.dma().mappingError(touchedHandle);
    platform.cpu().read32(touched);
    return new Before(buffer, handle, touched, touchedHandle, platform.memory().allocPages(0),
        platform.memory().stackBuffer(32));
  }

  private static List<String> run(Platform platform, Before before) {
    return run(platform, before, false);
  }

  /**
   * A driver that touches and unmaps what was mapped before, syncs and unmaps the first mapping
   * (checking its error if {@code checkError}) after mapping another in its cache line, maps and
   * frees the page and stack buffer made before, maps, allocates and frees, and leaves two
   * mappings to leak at remove: every address it got, then every finding.
   */
  private static List<String> run(Platform platform, Before before, boolean checkError) {
    DmaApi dma = platform.dma();
    KernelMemory memory = platform.memory();
    List<String> seen = new ArrayList<>();
    platform.cpu().read32(before.buffer());
    platform.cpu().read32(before.buffer() + 4);
    platform.cpu().read32(before.touched());
    dma.unmapSingle(before.touchedHandle(), 128, DmaDirection.FROM_DEVICE);
    long stackHandle = dma.mapSingle(before.stack(), 32, DmaDirection.TO_DEVICE);
    dma.mappingError(stackHandle);
    dma.unmapSingle(stackHandle, 32, DmaDirection.TO_DEVICE);
    dma.syncSingleForCpu(before.handle(), 256, DmaDirection.FROM_DEVICE);
    long sameLine = dma.mapSingle(before.buffer() + 16, 16, DmaDirection.FROM_DEVICE);
    dma.mappingError(sameLine);
    platform.cpu().read32(before.buffer());
    if (checkError) {
      dma.mappingError(before.handle());
    }
    dma.unmapSingle(before.handle(), 256, DmaDirection.FROM_DEVICE);
    dma.unmapSingle(sameLine, 16, DmaDirection.FROM_DEVICE);
    long pageHandle = dma.mapPage(before.page(), 0, 4096, DmaDirection.TO_DEVICE);
    dma.mappingError(pageHandle);
    dma.unmapPage(pageHandle, 4096, DmaDirection.TO_DEVICE);
    platform.memory().freePages(before.page(), 0);
    seen.add("same line " + sameLine + " page " + pageHandle + " stack " + stackHandle);

    long buffer = memory.kmalloc(64);
    long firstHandle = dma.mapSingle(buffer, 32, DmaDirection.FROM_DEVICE);
    dma.mappingError(firstHandle);
    long secondHandle = dma.mapSingle(buffer + 32, 32, DmaDirection.FROM_DEVICE);
    dma.mappingError(secondHandle);
    platform.waitFor(platform.device().start(Transfer.fromDevice(firstHandle, new byte[32]), done -> { }));
    dma.unmapSingle(firstHandle, 32, DmaDirection.FROM_DEVICE);
    seen.add("kmalloc " + buffer + " mapped " + firstHandle + " " + secondHandle);
    long freed = memory.kmalloc(100);
    memory.kfree(freed);
    seen.add("kmalloc " + freed + " " + memory.kmalloc(100));

    long stack = memory.stackBuffer(64);
    stackHandle = dma.mapSingle(stack, 64, DmaDirection.TO_DEVICE);
    dma.mappingError(stackHandle);
    dma.unmapSingle(stackHandle, 64, DmaDirection.TO_DEVICE);
    seen.add("stack " + stack + " vmalloc " + memory.vmalloc(5000) + " text " + memory.kernelText());

    long pages = memory.allocPages(1);
    long pagesHandle = dma.mapPage(pages, 128, 4096, DmaDirection.BIDIRECTIONAL);
    dma.mappingError(pagesHandle);
    seen.add("pages " + pages + " mapped " + pagesHandle);
    // CPU addresses too: on ARM and MIPS they are uncached aliases, which the address space places.
    seen.add("coherent " + dma.allocCoherent(3000));
    DmaPool pool = dma.poolCreate("checkpoint", 64, 0, 0);
    PoolBuffer block = pool.alloc();
    pool.free(block);
    seen.add("pool " + block + " " + pool.alloc() + " " + pool.alloc());
    platform.removeDriver();
    platform.debug().findings().forEach(finding -> seen.add(finding.format()));
    return seen;
  }

  private static BootedPlatform boot(String architecture, String profile) {
    return Platforms4Test.quiet(architecture, profile, DebugOptions.ON);
  }

  @ParameterizedTest
  @CsvSource({"arm-noncoherent,armv7", "arm-noncoherent,arm64", "x86,x86-64", "mips,r4k"})
  void everyRestoreRepeatsTheRunFromTheCheckpoint(String architecture, String profile) {
    BootedPlatform booted = boot(architecture, profile);
    Platform platform = booted.platform();
    Before before = before(platform);
    List<Finding> atCheckpoint = platform.debug().findings();
    Runnable restore = booted.machine().checkpoint();

    List<String> first = run(platform, before);
    restore.run();
    assertThat(platform.debug().findings()).isEqualTo(atCheckpoint);
    List<String> second = run(platform, before);
    restore.run();
    List<String> third = run(platform, before);

    assertThat(first).anyMatch(line -> line.startsWith("LEAKED_AT_REMOVE"));
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  @ParameterizedTest
  @CsvSource({"arm-noncoherent,armv7", "arm-noncoherent,arm64", "x86,x86-64", "mips,r4k"})
  void aRunFromARestoredCheckpointIsARunOnAFreshPlatform(String architecture, String profile) {
    Platform fresh = boot(architecture, profile).platform();
    List<String> expected = run(fresh, before(fresh));

    BootedPlatform booted = boot(architecture, profile);
    Platform platform = booted.platform();
    Before before = before(platform);
    Runnable restore = booted.machine().checkpoint();
    run(platform, before);
    restore.run();

    assertThat(run(platform, before)).isEqualTo(expected);
  }

  @Test
  void armv7FindsWhatTheRunProvokesEachTime() {
    BootedPlatform booted = boot("arm-noncoherent", "armv7");
    Platform platform = booted.platform();
    Before before = before(platform);
    Runnable restore = booted.machine().checkpoint();

    for (int i = 0; i < 4; i++) {
      boolean checkError = i % 2 == 0;
      run(platform, before, checkError);
      List<FindingClass> expected = new ArrayList<>(List.of(FindingClass.SYNC_NOT_MAPPED,
          FindingClass.CPU_TOUCHED_DEVICE_BUFFER, FindingClass.CPU_TOUCHED_DEVICE_BUFFER,
          FindingClass.UNMAPPABLE_MEMORY, FindingClass.EEXIST_OVERLAP, FindingClass.EEXIST_OVERLAP,
          FindingClass.UNMAPPABLE_MEMORY, FindingClass.LEAKED_AT_REMOVE, FindingClass.LEAKED_AT_REMOVE));
      if (!checkError) {
        expected.add(5, FindingClass.MAPPING_ERROR_NOT_CHECKED);
      }
      assertThat(platform.debug().findings()).extracting(Finding::findingClass).as("run " + i)
          .containsExactlyElementsOf(expected);
      restore.run();
    }
  }

  @Test
  void aRemoveRightAfterARestoreReportsOnlyTheMappingsOfTheCheckpoint() {
    BootedPlatform booted = boot("arm-noncoherent", "armv7");
    Platform platform = booted.platform();
    Before before = before(platform);
    Runnable restore = booted.machine().checkpoint();
    run(platform, before);
    restore.run();

    platform.removeDriver();

    List<Finding> findings = platform.debug().findings();
    assertThat(findings).extracting(Finding::findingClass).containsExactly(FindingClass.SYNC_NOT_MAPPED,
        FindingClass.CPU_TOUCHED_DEVICE_BUFFER, FindingClass.LEAKED_AT_REMOVE, FindingClass.LEAKED_AT_REMOVE);
    assertThat(findings.get(2).mapping()).contains("size 256");
    assertThat(findings.get(3).mapping()).contains("size 128");
  }

  @Test
  void whatARunAllocatedIsUnknownAfterARestore() {
    BootedPlatform booted = boot("arm-noncoherent", "armv7");
    Platform platform = booted.platform();
    KernelMemory memory = platform.memory();
    Before before = before(platform);
    List<Finding> atCheckpoint = platform.debug().findings();
    Runnable restore = booted.machine().checkpoint();
    long[] allocated = {memory.kmalloc(128), memory.allocPages(0), memory.stackBuffer(64), memory.vmalloc(100)};
    restore.run();

    for (long address : allocated) {
      assertThatThrownBy(() -> platform.dma().mapSingle(address, 64, DmaDirection.TO_DEVICE))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in memory the driver allocated");
    }
    assertThatThrownBy(() -> memory.freePages(allocated[1], 0)).hasMessageContaining("no page block");
    assertThatThrownBy(() -> memory.kfree(allocated[0])).isInstanceOf(IllegalArgumentException.class);
    assertThat(platform.debug().findings()).isEqualTo(atCheckpoint);
    memory.freePages(before.page(), 0);
  }

  @Test
  void everySingletonWithStateIsRestorable() {
    MachineSettings settings = MachineSettings.of(Platforms4Test.REGISTRY.profile("arm-noncoherent", "armv7"), 1);
    Injector injector = Platforms.injector(Platforms4Test.REGISTRY, settings,
        new FixedChoiceSource(Map.of(ChoicePoint.SPONTANEOUS_EVICTION, 0), new SeededChoiceSource(1,
            ChoiceRates.DEFAULT)), DebugOptions.ON, false, List.of());
    injector.getInstance(Platform.class);
    assertThat(RestorableParts.assertStatefulSingletonsAreRestorable(injector, "org.dmasim"))
        .contains("MappingTable", "DebugChecker", "SimulatedKernelMemory", "BuddyPageAllocator", "PhysicalMemory");
  }
}
