package org.dmasim.driver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmasim.core.Machine;
import org.dmasim.driver.boot.BootedPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmaApiTest {
  private static byte[] bytes(int size, int base) {
    byte[] result = new byte[size];
    for (int i = 0; i < size; i++) {
      result[i] = (byte) (base + i);
    }
    return result;
  }

  @ParameterizedTest
  @CsvSource({"x86,x86-64", "arm-noncoherent,armv7", "arm-noncoherent,arm64", "arm-noncoherent,arm64-pre5.19",
      "mips,r4k", "mips,r10000"})
  void streamingRoundTripsOnEveryArchitecture(String architecture, String profile) {
    Platform platform = Platforms4Test.quiet(architecture, profile, DebugOptions.STRICT).platform();
    long buffer = platform.memory().kmalloc(256);
    platform.cpu().write(buffer, bytes(256, 1));
    long handle = platform.dma().mapSingle(buffer, 256, DmaDirection.TO_DEVICE);
    assertThat(platform.dma().mappingError(handle)).isFalse();
    TransferHandle read = platform.device().start(Transfer.toDevice(handle, 256), done -> { });
    platform.waitFor(read);
    assertThat(read.bytesRead()).isEqualTo(bytes(256, 1));
    platform.dma().unmapSingle(handle, 256, DmaDirection.TO_DEVICE);

    handle = platform.dma().mapSingle(buffer, 256, DmaDirection.FROM_DEVICE);
    assertThat(platform.dma().mappingError(handle)).isFalse();
    platform.waitFor(platform.device().start(Transfer.fromDevice(handle, bytes(256, 100)), done -> { }));
    platform.dma().unmapSingle(handle, 256, DmaDirection.FROM_DEVICE);
    assertThat(platform.cpu().read(buffer, 256)).isEqualTo(bytes(256, 100));
  }

  @Test
  void theInterruptFiresOnceWhenTheTransferCompletes() {
    Platform platform = Platforms4Test.quiet("x86", null, DebugOptions.ON).platform();
    long buffer = platform.memory().kmalloc(64);
    long handle = platform.dma().mapSingle(buffer, 64, DmaDirection.FROM_DEVICE);
    platform.dma().mappingError(handle);
    int[] interrupts = new int[1];
    TransferHandle transfer = platform.device().start(Transfer.fromDevice(handle, bytes(64, 3)),
        done -> interrupts[0]++);
    assertThat(transfer.complete()).isFalse();
    platform.waitFor(transfer);
    assertThat(transfer.complete()).isTrue();
    assertThat(interrupts[0]).isEqualTo(1);
  }

  @Test
  void smallFromDeviceKmallocMappingsAreBouncedOnArm64AndMaintenanceHitsTheBounceOnly() {
    BootedPlatform booted = Platforms4Test.quiet("arm-noncoherent", "arm64", DebugOptions.ON);
    Platform platform = booted.platform();
    long buffer = platform.memory().kmalloc(16);
    long handle = platform.dma().mapSingle(buffer, 16, DmaDirection.FROM_DEVICE);
    Machine machine = booted.machine();
    long original = machine.addressSpace().translate(buffer).physicalAddress();
    assertThat(handle).as("the device is given a bounce slot, not the buffer").isNotEqualTo(original);
    platform.waitFor(platform.device().start(Transfer.fromDevice(handle, bytes(16, 0x40)), done -> { }));
    platform.dma().unmapSingle(handle, 16, DmaDirection.FROM_DEVICE);
    assertThat(platform.cpu().read(buffer, 16)).isEqualTo(bytes(16, 0x40));

    long large = platform.memory().kmalloc(256);
    assertThat(platform.dma().mapSingle(large, 256, DmaDirection.FROM_DEVICE))
        .isEqualTo(machine.addressSpace().translate(large).physicalAddress());
    long toDevice = platform.memory().kmalloc(16);
    assertThat(platform.dma().mapSingle(toDevice, 16, DmaDirection.TO_DEVICE))
        .isEqualTo(machine.addressSpace().translate(toDevice).physicalAddress());
  }

  @Test
  void syncOnASubRangeHandsOwnershipBackAndForth() {
    Platform platform = Platforms4Test.quiet("arm-noncoherent", "arm64-pre5.19", DebugOptions.STRICT).platform();
    long buffer = platform.memory().kmalloc(512);
    long handle = platform.dma().mapSingle(buffer, 512, DmaDirection.FROM_DEVICE);
    assertThat(platform.dma().mappingError(handle)).isFalse();
    for (int round = 0; round < 3; round++) {
      platform.waitFor(platform.device().start(Transfer.fromDevice(handle + 128, bytes(128, round * 16)),
          done -> { }));
      platform.dma().syncSingleForCpu(handle + 128, 128, DmaDirection.FROM_DEVICE);
      assertThat(platform.cpu().read(buffer + 128, 128)).isEqualTo(bytes(128, round * 16));
      platform.dma().syncSingleForDevice(handle + 128, 128, DmaDirection.FROM_DEVICE);
    }
    platform.dma().unmapSingle(handle, 512, DmaDirection.FROM_DEVICE);
    assertThat(platform.debug().findings()).isEmpty();
  }

  @Test
  void scatterGatherMapsEverySegment() {
    Platform platform = Platforms4Test.quiet("mips", "r10000", DebugOptions.STRICT).platform();
    long first = platform.memory().kmalloc(256);
    long second = platform.memory().kmalloc(512);
    ScatterList list = ScatterList.of(new ScatterList.Segment(first, 256), new ScatterList.Segment(second, 512));
    MappedScatterList mapped = platform.dma().mapSg(list, DmaDirection.FROM_DEVICE);
    assertThat(mapped.dmaAddresses()).hasSize(2).doesNotContain(DmaApi.DMA_MAPPING_ERROR);
    platform.waitFor(platform.device().start(Transfer.fromDevice(mapped.dmaAddresses().get(0), bytes(256, 1)),
        done -> { }));
    platform.waitFor(platform.device().start(Transfer.fromDevice(mapped.dmaAddresses().get(1), bytes(512, 9)),
        done -> { }));
    platform.dma().unmapSg(mapped, DmaDirection.FROM_DEVICE);
    assertThat(platform.cpu().read(first, 256)).isEqualTo(bytes(256, 1));
    assertThat(platform.cpu().read(second, 512)).isEqualTo(bytes(512, 9));
  }

  @Test
  void coherentMemoryNeedsNoMaintenance() {
    for (String[] each : new String[][] {{"x86", "x86-64"}, {"arm-noncoherent", "arm64"}, {"mips", "r4k"}}) {
      Platform platform = Platforms4Test.quiet(each[0], each[1], DebugOptions.STRICT).platform();
      CoherentBuffer buffer = platform.dma().allocCoherent(100);
      platform.cpu().write32(buffer.cpuAddress(), 0x1234);
      TransferHandle read = platform.device().start(Transfer.toDevice(buffer.dmaAddress(), 4), done -> { });
      platform.waitFor(read);
      assertThat(read.bytesRead()).as(each[1]).containsExactly(0x34, 0x12, 0, 0);
      platform.waitFor(platform.device().start(Transfer.fromDevice(buffer.dmaAddress() + 8, bytes(4, 7)),
          done -> { }));
      assertThat(platform.cpu().read(buffer.cpuAddress() + 8, 4)).isEqualTo(bytes(4, 7));
      platform.dma().freeCoherent(100, buffer.cpuAddress(), buffer.dmaAddress());
    }
  }

  @Test
  void poolBlocksAreCoherent() {
    Platform platform = Platforms4Test.quiet("arm-noncoherent", "armv7", DebugOptions.STRICT).platform();
    DmaPool pool = platform.dma().poolCreate("status", 4, 4, 0);
    assertThat(pool.blockSize()).isEqualTo(16);
    PoolBuffer block = pool.alloc();
    platform.waitFor(platform.device().start(Transfer.fromDevice(block.dmaAddress(), bytes(4, 0x21)), done -> { }));
    assertThat(platform.cpu().read(block.cpuAddress(), 4)).isEqualTo(bytes(4, 0x21));
    pool.free(block);
    pool.destroy();
  }

  @Test
  void badInputIsRefusedNamingTheValuesAndChangesNothing() {
    Platform platform = Platforms4Test.quiet("arm-noncoherent", "armv7", DebugOptions.ON).platform();
    long buffer = platform.memory().kmalloc(64);
    assertThatThrownBy(() -> platform.dma().mapSingle(buffer, 0, DmaDirection.TO_DEVICE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size 0");
    assertThatThrownBy(() -> platform.dma().mapSingle(buffer, 96, DmaDirection.TO_DEVICE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("96 bytes")
        .hasMessageContaining("32 bytes past it");
    assertThatThrownBy(() -> platform.memory().kmalloc(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> platform.dma().poolCreate("bad", 16, 3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
    assertThatThrownBy(() -> platform.dma().poolCreate("bad", 64, 8, 32))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
    DmaPool pool = platform.dma().poolCreate("good", 32, 8, 0);
    PoolBuffer block = pool.alloc();
    pool.free(block);
    assertThatThrownBy(() -> pool.free(block)).isInstanceOf(IllegalArgumentException.class);
    DmaPool other = platform.dma().poolCreate("other", 32, 8, 0);
    PoolBuffer foreign = other.alloc();
    assertThatThrownBy(() -> pool.free(foreign)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("good");

    long handle = platform.dma().mapSingle(buffer, 64, DmaDirection.TO_DEVICE);
    platform.dma().mappingError(handle);
    platform.dma().unmapSingle(handle, 64, DmaDirection.TO_DEVICE);
    assertThatThrownBy(() -> platform.dma().unmapSingle(handle, 64, DmaDirection.TO_DEVICE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already unmapped");

    platform.cpu().write32(buffer, 42);
    long again = platform.dma().mapSingle(buffer, 64, DmaDirection.TO_DEVICE);
    assertThat(platform.dma().mappingError(again)).as("the machine is still usable").isFalse();
    platform.dma().unmapSingle(again, 64, DmaDirection.TO_DEVICE);
    assertThat(platform.cpu().read32(buffer)).isEqualTo(42);
  }
}
