package org.dmasim.driver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dmasim.core.ArchitectureProfile;

/**
 * A driver that maps only buffers owning their cache lines and follows the ownership rules
 * never sees stale or corrupted data, on any architecture and under any seed.
 */
class OwnershipPropertyTest {
  @Provide
  Arbitrary<ArchitectureProfile> profiles() {
    return Arbitraries.of(Platforms4Test.REGISTRY.allProfiles());
  }

  @Provide
  Arbitrary<List<DmaDirection>> directions() {
    return Arbitraries.of(DmaDirection.values()).list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 150)
  void ownedLinesAndOwnershipRulesNeverLoseData(@ForAll("profiles") ArchitectureProfile profile,
      @ForAll long seed, @ForAll("directions") List<DmaDirection> directions,
      @ForAll @IntRange(min = 0, max = 2) int sizeShift, @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 255) Integer> noise) {
    Platform platform = Platforms4Test.seeded(profile.architecture(), profile.name(), seed, DebugOptions.STRICT)
        .platform();
    int size = 128 << sizeShift;
    long neighbour = platform.memory().kmalloc(8);
    List<long[]> buffers = new ArrayList<>();
    for (DmaDirection direction : directions) {
      long buffer = platform.memory().kmalloc(size);
      byte[] cpuData = pattern(size, 0x10 + buffers.size());
      platform.cpu().write(buffer, cpuData);
      buffers.add(new long[] {buffer});
    }
    for (int i = 0; i < directions.size(); i++) {
      DmaDirection direction = directions.get(i);
      long buffer = buffers.get(i)[0];
      byte[] cpuData = pattern(size, 0x10 + i);
      byte[] deviceData = pattern(size, 0x80 + i);
      long handle = platform.dma().mapSingle(buffer, size, direction);
      assertThat(platform.dma().mappingError(handle)).isFalse();
      if (direction != DmaDirection.FROM_DEVICE) {
        TransferHandle read = platform.device().start(Transfer.toDevice(handle, size), done -> { });
        for (int value : noise) {
          platform.cpu().write32(neighbour, value);
        }
        platform.waitFor(read);
        assertThat(read.bytesRead()).as("%s: the device reads what the CPU wrote", profile.qualifiedName())
            .isEqualTo(cpuData);
      }
      if (direction != DmaDirection.TO_DEVICE) {
        TransferHandle write = platform.device().start(Transfer.fromDevice(handle, deviceData), done -> { });
        for (int value : noise) {
          platform.cpu().write32(neighbour, value);
        }
        platform.waitFor(write);
      }
      platform.dma().unmapSingle(handle, size, direction);
      byte[] expected = direction == DmaDirection.TO_DEVICE ? cpuData : deviceData;
      assertThat(platform.cpu().read(buffer, size)).as("%s seed %d %s", profile.qualifiedName(), seed, direction)
          .isEqualTo(expected);
    }
    if (!noise.isEmpty()) {
      assertThat(platform.cpu().read32(neighbour)).isEqualTo(noise.get(noise.size() - 1));
    }
    assertThat(platform.debug().findings()).isEmpty();
  }

  private static byte[] pattern(int size, int base) {
    byte[] bytes = new byte[size];
    Arrays.setAll(new int[size], i -> {
      bytes[i] = (byte) (base + i * 7);
      return 0;
    });
    return bytes;
  }
}
