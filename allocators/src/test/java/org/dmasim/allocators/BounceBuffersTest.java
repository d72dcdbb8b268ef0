package org.dmasim.allocators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dmasim.core.DmaDirection;
import org.dmasim.core.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BounceBuffersTest {
  private static final long ORIGINAL = 0x20_0000L;

  @Test
  void arm64BouncesSmallDeviceWritableKmallocSizes() {
    BounceBuffers bounce = TestMachine.quiet("arm-noncoherent", "arm64").bounce();

    assertThat(bounce.needsBounce(16, DmaDirection.FROM_DEVICE)).isTrue();
    assertThat(bounce.needsBounce(16, DmaDirection.BIDIRECTIONAL)).isTrue();
    assertThat(bounce.needsBounce(96, DmaDirection.FROM_DEVICE)).isTrue();
    assertThat(bounce.needsBounce(16, DmaDirection.TO_DEVICE)).isFalse();
    assertThat(bounce.needsBounce(128, DmaDirection.FROM_DEVICE)).isFalse();
    assertThat(bounce.needsBounce(200, DmaDirection.FROM_DEVICE)).isFalse();
    assertThat(bounce.needsBounce(255, DmaDirection.FROM_DEVICE)).isFalse();
    assertThat(bounce.needsBounce(256, DmaDirection.FROM_DEVICE)).isFalse();
  }

  @Test
  void profilesWithoutTheRuleNeverBounce() {
    for (String[] profile : new String[][] {{"arm-noncoherent", "arm64-pre5.19"}, {"arm-noncoherent", "armv7"},
        {"x86", "x86-64"}, {"mips", "r4k"}}) {
      BounceBuffers bounce = TestMachine.quiet(profile[0], profile[1]).bounce();
      for (DmaDirection direction : DmaDirection.values()) {
        assertThat(bounce.needsBounce(16, direction)).as(profile[1] + " " + direction).isFalse();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"arm64", "armv7", "arm64-pre5.19"})
  void fromDeviceRoundTripDeliversTheDevicesBytesAndLeavesNeighboursAlone(String profile) {
    TestMachine arm = TestMachine.seeded("arm-noncoherent", profile, 7);
    BounceBuffers bounce = arm.bounce();
    byte[] before = pattern(64, 0x10);
    arm.machine.cpu().write(arm.kernel(ORIGINAL), before);

    BounceMapping mapping = bounce.map(ORIGINAL + 16, 16, DmaDirection.FROM_DEVICE);
    byte[] device = pattern(16, 0x80);
    arm.machine.memory().write(mapping.bouncePhysical(), device);
    arm.machine.cpu().store(arm.kernel(ORIGINAL), 4, 0x7777_7777L);
    bounce.unmap(mapping);

    byte[] after = arm.machine.cpu().read(arm.kernel(ORIGINAL), 64);
    assertThat(Arrays.copyOfRange(after, 16, 32)).isEqualTo(device);
    assertThat(Arrays.copyOfRange(after, 4, 16)).isEqualTo(Arrays.copyOfRange(before, 4, 16));
    assertThat(Arrays.copyOfRange(after, 32, 64)).isEqualTo(Arrays.copyOfRange(before, 32, 64));
    assertThat(arm.machine.cpu().load(arm.kernel(ORIGINAL), 4)).isEqualTo(0x7777_7777L);
    assertThat(bounce.slotsInUse()).isZero();
    assertThat(bounce.bytesCopied()).isEqualTo(32);
  }

  @Test
  void mapCopiesTheOriginalEvenForFromDevice() {
    TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
    byte[] original = pattern(100, 0x01);
    arm.machine.cpu().write(arm.kernel(ORIGINAL), original);

    BounceMapping mapping = arm.bounce().map(ORIGINAL, 100, DmaDirection.FROM_DEVICE);

    // arm64 cleans for the device even for FROM_DEVICE, so memory under the bounce holds the copy.
    assertThat(arm.machine.memory().read(mapping.bouncePhysical(), 100)).isEqualTo(original);
    assertThat(mapping.bouncePhysical()).isEqualTo(PhysicalLayout.SWIOTLB_BASE);
    assertThat(mapping.slots()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"arm-noncoherent/armv7", "arm-noncoherent/arm64", "mips/r4k", "mips/r10000"})
  void toDeviceMapLeavesTheOriginalsBytesInMemoryUnderTheBounce(String qualified) {
    String[] name = qualified.split("/");
    TestMachine machine = TestMachine.seeded(name[0], name[1], 11);
    byte[] original = pattern(3000, 0x33);
    machine.machine.cpu().write(machine.kernel(ORIGINAL), original);

    BounceMapping mapping = machine.bounce().map(ORIGINAL, 3000, DmaDirection.TO_DEVICE);

    assertThat(mapping.slots()).isEqualTo(2);
    assertThat(machine.machine.memory().read(mapping.bouncePhysical(), 3000)).isEqualTo(original);
    machine.bounce().unmap(mapping);
    assertThat(machine.machine.cpu().read(machine.kernel(ORIGINAL), 3000)).isEqualTo(original);
    assertThat(machine.bounce().bytesCopied()).isEqualTo(3000);
  }

  @Test
  void syncsCopyTheSubRangeInTheirDirection() {
    TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
    BounceBuffers bounce = arm.bounce();
    arm.machine.cpu().write(arm.kernel(ORIGINAL), pattern(64, 0));
    BounceMapping mapping = bounce.map(ORIGINAL, 64, DmaDirection.BIDIRECTIONAL);

    arm.machine.memory().write(mapping.bouncePhysical(), pattern(64, 0x40));
    bounce.syncForCpu(mapping, 16, 8, DmaDirection.BIDIRECTIONAL);
    byte[] seen = arm.machine.cpu().read(arm.kernel(ORIGINAL), 64);
    assertThat(Arrays.copyOfRange(seen, 16, 24)).isEqualTo(Arrays.copyOfRange(pattern(64, 0x40), 16, 24));
    assertThat(Arrays.copyOfRange(seen, 0, 16)).isEqualTo(Arrays.copyOfRange(pattern(64, 0), 0, 16));

    arm.machine.cpu().write(arm.kernel(ORIGINAL + 32), pattern(8, 0x70));
    bounce.syncForDevice(mapping, 32, 8, DmaDirection.BIDIRECTIONAL);
    assertThat(arm.machine.memory().read(mapping.bouncePhysical() + 32, 8)).isEqualTo(pattern(8, 0x70));
    assertThat(bounce.bytesCopied()).isEqualTo(64 + 8 + 8);

    bounce.syncForDevice(mapping, 0, 8, DmaDirection.FROM_DEVICE);
    assertThat(bounce.bytesCopied()).isEqualTo(64 + 8 + 8);
    bounce.syncForCpu(mapping, 0, 8, DmaDirection.TO_DEVICE);
    assertThat(bounce.bytesCopied()).isEqualTo(64 + 8 + 8);

    assertThatThrownBy(() -> bounce.syncForCpu(mapping, 60, 8, DmaDirection.BIDIRECTIONAL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("68");
  }

  @Test
  void maintenanceTouchesTheBounceBufferOnly() {
    TestMachine arm = TestMachine.traced("arm-noncoherent", "arm64-pre5.19");
    arm.machine.cpu().write(arm.kernel(ORIGINAL), pattern(256, 0x21));

    BounceMapping mapping = arm.bounce().map(ORIGINAL + 8, 200, DmaDirection.FROM_DEVICE);
    arm.bounce().syncForCpu(mapping, 0, 100, DmaDirection.FROM_DEVICE);
    arm.bounce().syncForDevice(mapping, 0, 100, DmaDirection.FROM_DEVICE);
    arm.bounce().unmap(mapping);

    List<TraceEvent> maintenance = arm.machine.trace().events().stream()
        .filter(event -> event.kind() == TraceEvent.Kind.MAINTENANCE).toList();
    assertThat(maintenance).isNotEmpty().allSatisfy(event -> assertThat(event.address())
        .isBetween(PhysicalLayout.SWIOTLB_BASE, PhysicalLayout.SWIOTLB_END - 1));
  }

  @Test
  void mappingsTakeTheLowestContiguousSlotsAndGiveThemBack() {
    TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
    BounceBuffers bounce = arm.bounce();
    BounceMapping a = bounce.map(ORIGINAL, 100, DmaDirection.FROM_DEVICE);
    BounceMapping b = bounce.map(ORIGINAL, 5000, DmaDirection.FROM_DEVICE);
    BounceMapping c = bounce.map(ORIGINAL, 2048, DmaDirection.FROM_DEVICE);
    assertThat(bounce.slotsInUse()).isEqualTo(1 + 3 + 1);
    assertThat(b.bouncePhysical()).isEqualTo(PhysicalLayout.SWIOTLB_BASE + 2048);
    assertThat(c.bouncePhysical()).isEqualTo(PhysicalLayout.SWIOTLB_BASE + 4 * 2048);

    bounce.unmap(b);
    BounceMapping d = bounce.map(ORIGINAL, 4096, DmaDirection.TO_DEVICE);
    BounceMapping e = bounce.map(ORIGINAL, 4096, DmaDirection.TO_DEVICE);

    assertThat(d.bouncePhysical()).isEqualTo(PhysicalLayout.SWIOTLB_BASE + 2048);
    assertThat(e.bouncePhysical()).isEqualTo(PhysicalLayout.SWIOTLB_BASE + 5 * 2048);
    for (BounceMapping mapping : List.of(a, c, d, e)) {
      bounce.unmap(mapping);
    }
    assertThat(bounce.slotsInUse()).isZero();
  }

  @Test
  void unmappingTwiceIsRefused() {
    BounceBuffers bounce = TestMachine.quiet("arm-noncoherent", "arm64").bounce();
    BounceMapping mapping = bounce.map(ORIGINAL, 16, DmaDirection.FROM_DEVICE);
    bounce.unmap(mapping);

    assertThatThrownBy(() -> bounce.unmap(mapping)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x" + Long.toHexString(mapping.bouncePhysical()));
    assertThatThrownBy(() -> bounce.syncForCpu(mapping, 0, 16, DmaDirection.FROM_DEVICE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bounce.slotsInUse()).isZero();
  }

  @Test
  void aMappingTakesAtMost128Slots() {
    BounceBuffers bounce = TestMachine.quiet("arm-noncoherent", "arm64").bounce();

    assertThatThrownBy(() -> bounce.map(ORIGINAL, 128L * 2048 + 1, DmaDirection.TO_DEVICE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("129 slots");
    assertThatThrownBy(() -> bounce.map(ORIGINAL, 0, DmaDirection.TO_DEVICE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bounce.slotsInUse()).isZero();
    assertThat(bounce.bytesCopied()).isZero();
  }

  @Test
  void runningOutOfSlotsIsReportedAndRecoverable() {
    BounceBuffers bounce = TestMachine.quiet("x86", "x86-64").bounce();
    List<BounceMapping> mappings = new ArrayList<>();
    for (int i = 0; i < PhysicalLayout.SWIOTLB_SLOTS / 128; i++) {
      mappings.add(bounce.map(ORIGINAL, 128L * 2048, DmaDirection.TO_DEVICE));
    }

    assertThatThrownBy(() -> bounce.map(ORIGINAL, 16, DmaDirection.FROM_DEVICE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("2048");
    bounce.unmap(mappings.get(5));
    assertThat(bounce.map(ORIGINAL, 16, DmaDirection.FROM_DEVICE).bouncePhysical())
        .isEqualTo(mappings.get(5).bouncePhysical());
  }

  @Test
  void x86BouncesWithoutMaintenance() {
    TestMachine x86 = TestMachine.quiet("x86", "x86-64");
    x86.machine.cpu().write(x86.kernel(ORIGINAL), pattern(32, 0x05));
    long maintenance = x86.machine.costs().maintenanceOperations();

    BounceMapping mapping = x86.bounce().map(ORIGINAL, 32, DmaDirection.BIDIRECTIONAL);
    x86.bounce().unmap(mapping);

    assertThat(x86.machine.costs().maintenanceOperations()).isEqualTo(maintenance);
    assertThat(x86.machine.cpu().read(x86.kernel(ORIGINAL), 32)).isEqualTo(pattern(32, 0x05));
  }

  private static byte[] pattern(int length, int start) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (start + i);
    }
    return bytes;
  }
}
