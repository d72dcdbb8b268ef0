package org.dmasim.driver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each finding class, provoked by a small driver, is reported once with the right class. */
class DmaDebugFindingsTest {
  private final Platform platform = Platforms4Test.quiet("arm-noncoherent", "armv7", DebugOptions.ON).platform();
  private final DmaApi dma = platform.dma();

  private long mapChecked(long address, long size, DmaDirection direction) {
    long handle = dma.mapSingle(address, size, direction);
    assertThat(dma.mappingError(handle)).isFalse();
    return handle;
  }

  private void assertOnly(FindingClass findingClass) {
    assertThat(platform.debug().findings()).extracting(Finding::findingClass).containsExactly(findingClass);
    assertThat(platform.debug().findings().get(0).location()).contains("DmaDebugFindingsTest");
  }

  @Test
  void unmapOfAnAddressNeverMapped() {
    assertThatThrownBy(() -> dma.unmapSingle(0x1234_5000L, 64, DmaDirection.FROM_DEVICE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x12345000");
    assertOnly(FindingClass.UNMAP_NEVER_MAPPED);
  }

  @Test
  void unmapWithADifferentSize() {
    long buffer = platform.memory().kmalloc(128);
    long handle = mapChecked(buffer, 128, DmaDirection.FROM_DEVICE);
    dma.unmapSingle(handle, 64, DmaDirection.FROM_DEVICE);
    assertOnly(FindingClass.SIZE_MISMATCH);
  }

  @Test
  void unmapWithADifferentDirection() {
    long buffer = platform.memory().kmalloc(128);
    long handle = mapChecked(buffer, 128, DmaDirection.FROM_DEVICE);
    dma.unmapSingle(handle, 128, DmaDirection.TO_DEVICE);
    assertOnly(FindingClass.DIRECTION_MISMATCH);
  }

  @Test
  void unmapWithTheWrongFunction() {
    long buffer = platform.memory().kmalloc(128);
    long handle = mapChecked(buffer, 128, DmaDirection.TO_DEVICE);
    dma.unmapPage(handle, 128, DmaDirection.TO_DEVICE);
    assertOnly(FindingClass.WRONG_FUNCTION);
  }

  @Test
  void coherentMemoryFreedWithAnotherCpuAddress() {
    CoherentBuffer buffer = dma.allocCoherent(4096);
    dma.freeCoherent(4096, buffer.cpuAddress() + 64, buffer.dmaAddress());
    assertOnly(FindingClass.COHERENT_CPU_ADDRESS_MISMATCH);
  }

  @Test
  void mappingErrorNeverChecked() {
    long buffer = platform.memory().kmalloc(128);
    long handle = dma.mapSingle(buffer, 128, DmaDirection.TO_DEVICE);
    dma.unmapSingle(handle, 128, DmaDirection.TO_DEVICE);
    assertOnly(FindingClass.MAPPING_ERROR_NOT_CHECKED);
  }

  @Test
  void syncOfMemoryNeverMapped() {
    assertThatThrownBy(() -> dma.syncSingleForCpu(0x2000_0000L, 64, DmaDirection.FROM_DEVICE))
        .isInstanceOf(IllegalArgumentException.class);
    assertOnly(FindingClass.SYNC_NOT_MAPPED);
  }

  @Test
  void syncOutsideTheMappedRange() {
    long buffer = platform.memory().kmalloc(256);
    long handle = mapChecked(buffer, 128, DmaDirection.FROM_DEVICE);
    assertThatThrownBy(() -> dma.syncSingleForCpu(handle + 64, 128, DmaDirection.FROM_DEVICE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    assertOnly(FindingClass.SYNC_OUTSIDE_RANGE);
  }

  @Test
  void syncWithADifferentDirection() {
    long buffer = platform.memory().kmalloc(128);
    long handle = mapChecked(buffer, 128, DmaDirection.TO_DEVICE);
    dma.syncSingleForDevice(handle, 128, DmaDirection.BIDIRECTIONAL);
    assertOnly(FindingClass.SYNC_DIRECTION_MISMATCH);
  }

  @Test
  void syncForCpuOfAToDeviceMapping() {
    long buffer = platform.memory().kmalloc(128);
    long handle = mapChecked(buffer, 128, DmaDirection.TO_DEVICE);
    dma.syncSingleForCpu(handle, 128, DmaDirection.FROM_DEVICE);
    assertOnly(FindingClass.SYNC_FOR_CPU_OF_TO_DEVICE);
  }

  @Test
  void syncForDeviceOfAFromDeviceMapping() {
    long buffer = platform.memory().kmalloc(128);
    long handle = mapChecked(buffer, 128, DmaDirection.FROM_DEVICE);
    dma.syncSingleForCpu(handle, 128, DmaDirection.FROM_DEVICE);
    dma.syncSingleForDevice(handle, 128, DmaDirection.TO_DEVICE);
    assertOnly(FindingClass.SYNC_FOR_DEVICE_OF_FROM_DEVICE);
  }

  @Test
  void mappingStackMemory() {
    long onStack = platform.memory().stackBuffer(64);
    dma.mapSingle(onStack, 64, DmaDirection.TO_DEVICE);
    assertOnly(FindingClass.UNMAPPABLE_MEMORY);
    assertThat(platform.debug().findings().get(0).message()).contains("stack");
  }

  @Test
  void mappingVmallocAndTextMemory() {
    dma.mapSingle(platform.memory().vmalloc(4096), 64, DmaDirection.TO_DEVICE);
    dma.mapSingle(platform.memory().kernelText(), 64, DmaDirection.TO_DEVICE);
    assertThat(platform.debug().findings()).extracting(Finding::message)
        .containsExactly("device driver maps memory from vmalloc area",
            "device driver maps memory from kernel text or rodata");
  }

  @Test
  void twoDeviceWritableMappingsSharingTheirFirstCacheLine() {
    long structure = platform.memory().kmalloc(64);
    mapChecked(structure, 8, DmaDirection.FROM_DEVICE);
    mapChecked(structure + 16, 8, DmaDirection.FROM_DEVICE);
    assertOnly(FindingClass.EEXIST_OVERLAP);
  }

  @Test
  void aToDeviceMappingNextToADeviceWritableOneIsNotAnOverlap() {
    long structure = platform.memory().kmalloc(64);
    mapChecked(structure, 8, DmaDirection.TO_DEVICE);
    mapChecked(structure + 16, 8, DmaDirection.FROM_DEVICE);
    assertThat(platform.debug().findings()).isEmpty();
  }

  @Test
  void moreThanSevenOverlappingMappingsOfOneLine() {
    Platform x86 = Platforms4Test.quiet("x86", null, DebugOptions.ON).platform();
    long buffer = x86.memory().kmalloc(64);
    for (int i = 0; i < 9; i++) {
      long handle = x86.dma().mapSingle(buffer, 64, DmaDirection.FROM_DEVICE);
      x86.dma().mappingError(handle);
    }
    assertThat(x86.debug().findings()).extracting(Finding::findingClass)
        .as("EEXIST is silent on coherent x86; the ninth mapping exceeds seven overlaps")
        .containsExactly(FindingClass.TOO_MANY_OVERLAPS);
  }

  @Test
  void mappingsStillLiveWhenTheDriverIsRemoved() {
    long buffer = platform.memory().kmalloc(128);
    mapChecked(buffer, 128, DmaDirection.TO_DEVICE);
    platform.removeDriver();
    assertOnly(FindingClass.LEAKED_AT_REMOVE);
  }

  @Test
  void cpuTouchingABufferTheDeviceOwns() {
    long buffer = platform.memory().kmalloc(128);
    long handle = mapChecked(buffer, 128, DmaDirection.FROM_DEVICE);
    platform.cpu().read32(buffer + 8);
    platform.cpu().read32(buffer + 12);
    assertOnly(FindingClass.CPU_TOUCHED_DEVICE_BUFFER);
    dma.unmapSingle(handle, 128, DmaDirection.FROM_DEVICE);
    platform.cpu().read32(buffer + 8);
    assertThat(platform.debug().findings()).hasSize(1);
  }

  @Test
  void cpuWritingANeighbourOfADeviceWritableBufferIsCaughtEvenOnX86() {
    for (Platform each : new Platform[] {platform, Platforms4Test.quiet("x86", null, DebugOptions.ON).platform()}) {
      long structure = each.memory().kmalloc(64);
      long handle = each.dma().mapSingle(structure + 4, 16, DmaDirection.FROM_DEVICE);
      each.dma().mappingError(handle);
      each.cpu().read32(structure);
      assertThat(each.debug().findings()).as("reading the neighbour is allowed").isEmpty();
      each.cpu().write32(structure, 7);
      assertThat(each.debug().findings()).extracting(Finding::findingClass)
          .containsExactly(FindingClass.CPU_TOUCHED_DEVICE_LINE);
    }
  }

  @Test
  void strictModeThrowsBeforeTheCallTakesEffect() {
    Platform strict = Platforms4Test.quiet("arm-noncoherent", "armv7", DebugOptions.STRICT).platform();
    long structure = strict.memory().kmalloc(64);
    long first = strict.dma().mapSingle(structure, 8, DmaDirection.FROM_DEVICE);
    strict.dma().mappingError(first);
    assertThatThrownBy(() -> strict.dma().mapSingle(structure + 16, 8, DmaDirection.FROM_DEVICE))
        .isInstanceOf(DmaDebugException.class).hasMessageContaining("EEXIST");
    strict.dma().unmapSingle(first, 8, DmaDirection.FROM_DEVICE);
    strict.removeDriver();
    assertThat(strict.debug().findings()).extracting(Finding::findingClass)
        .as("the refused mapping was never made, so nothing leaks").containsExactly(FindingClass.EEXIST_OVERLAP);
  }

  @Test
  void checkingOffRecordsNothing() {
    Platform unchecked = Platforms4Test.quiet("arm-noncoherent", "armv7", DebugOptions.OFF).platform();
    long buffer = unchecked.memory().kmalloc(128);
    long handle = unchecked.dma().mapSingle(buffer, 128, DmaDirection.FROM_DEVICE);
    unchecked.cpu().write32(buffer, 1);
    unchecked.dma().unmapSingle(handle, 64, DmaDirection.TO_DEVICE);
    assertThat(unchecked.debug().enabled()).isFalse();
    assertThat(unchecked.debug().findings()).isEmpty();
  }
}
