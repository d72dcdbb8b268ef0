package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhysicalMemoryTest {
  private static byte[] pattern(int length, int first) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (first + i);
    }
    return bytes;
  }

  @Test
  void newMemoryHasNoFrames() {
    assertThat(new PhysicalMemory().touchedFrames()).isZero();
  }

  @Test
  void framesAreCreatedOnlyForTheFramesAWriteTouches() {
    PhysicalMemory memory = new PhysicalMemory();

    memory.writeByte(0x1234, (byte) 1);
    assertThat(memory.touchedFrames()).isEqualTo(1);

    memory.writeByte(0x1fff, (byte) 2);
    memory.write(0x1000, new byte[16]);
    assertThat(memory.touchedFrames()).isEqualTo(1);

    memory.writeByte(0x4000_0000L, (byte) 3);
    assertThat(memory.touchedFrames()).isEqualTo(2);

    memory.write(0x8000_0ff8L, new byte[16]);
    assertThat(memory.touchedFrames()).isEqualTo(4);
  }

  @Test
  void untouchedMemoryReadsAsZero() {
    PhysicalMemory memory = new PhysicalMemory();
    memory.writeByte(0x10, (byte) 0x7f);

    assertThat(memory.readByte(0x11)).isZero();
    assertThat(memory.readByte(0x9_0000)).isZero();
    assertThat(memory.read(0x1234_5678L, 64)).isEqualTo(new byte[64]);
    assertThat(memory.readByte(0x10)).isEqualTo((byte) 0x7f);
  }

  @Test
  void aRangeCrossingFourKibFramesRoundTrips() {
    PhysicalMemory memory = new PhysicalMemory();
    byte[] source = pattern(PhysicalMemory.FRAME_SIZE + 40, 3);

    memory.write(0x2ff0, source);

    assertThat(memory.read(0x2ff0, source.length)).isEqualTo(source);
    assertThat(memory.readByte(0x2fff)).isEqualTo(source[15]);
    assertThat(memory.readByte(0x3000)).isEqualTo(source[16]);
    assertThat(memory.readByte(0x4000)).isEqualTo(source[16 + 4096]);
    assertThat(memory.readByte(0x2fef)).isZero();
    assertThat(memory.readByte(0x2ff0 + source.length)).isZero();
    assertThat(memory.touchedFrames()).isEqualTo(3);
  }

  @Test
  void readIntoAnArrayHonoursOffsetAndLength() {
    PhysicalMemory memory = new PhysicalMemory();
    memory.write(0xffc, pattern(8, 0x40));
    byte[] destination = new byte[12];
    java.util.Arrays.fill(destination, (byte) -1);

    memory.read(0xffd, destination, 2, 6);

    assertThat(destination).containsExactly(0xff, 0xff, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46,
        0xff, 0xff, 0xff, 0xff);
  }

  @Test
  void writeFromAnArrayHonoursOffsetAndLength() {
    PhysicalMemory memory = new PhysicalMemory();

    memory.write(0xffe, pattern(10, 0x50), 4, 4);

    assertThat(memory.read(0xffd, 6)).containsExactly(0x00, 0x54, 0x55, 0x56, 0x57, 0x00);
  }

  @Test
  void badOffsetsOrLengthsAreRejectedBeforeAnythingIsWritten() {
    PhysicalMemory memory = new PhysicalMemory();

    assertThatThrownBy(() -> memory.write(0, new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> memory.read(0, new byte[4], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(memory.touchedFrames()).isZero();
  }

  @Test
  void highSixtyFourBitAddressesWorkAcrossAFrameBoundary() {
    PhysicalMemory memory = new PhysicalMemory();
    long address = 0x7fff_ffff_f000L - 4;
    byte[] source = pattern(8, 0x10);

    memory.write(address, source);

    assertThat(memory.read(address, 8)).isEqualTo(source);
    assertThat(memory.readByte(0x7fff_ffff_f000L)).isEqualTo((byte) 0x14);
    assertThat(memory.readByte(0x7fff_ffff_efffL)).isEqualTo((byte) 0x13);
    assertThat(memory.touchedFrames()).isEqualTo(2);
    // The same offsets in low memory are untouched: the high bits are not dropped.
    assertThat(memory.read(0x0fff_f000L - 4, 8)).isEqualTo(new byte[8]);
    assertThat(memory.read(0xffff_f000L - 4, 8)).isEqualTo(new byte[8]);
  }

  @Test
  void addressesWithTheTopBitSetAreDistinctFrames() {
    PhysicalMemory memory = new PhysicalMemory();

    memory.writeByte(0x8000_0000_0000_1000L, (byte) 0x11);
    memory.writeByte(0x0000_0000_0000_1000L, (byte) 0x22);
    memory.writeByte(0xffff_ffff_ffff_f000L, (byte) 0x33);

    assertThat(memory.readByte(0x8000_0000_0000_1000L)).isEqualTo((byte) 0x11);
    assertThat(memory.readByte(0x1000)).isEqualTo((byte) 0x22);
    assertThat(memory.readByte(0xffff_ffff_ffff_f000L)).isEqualTo((byte) 0x33);
    assertThat(memory.touchedFrames()).isEqualTo(3);
  }

  @Test
  void readReturnsACopyNotABackingArray() {
    PhysicalMemory memory = new PhysicalMemory();
    memory.writeByte(0, (byte) 1);

    byte[] copy = memory.read(0, 4);
    copy[0] = 9;

    assertThat(memory.readByte(0)).isEqualTo((byte) 1);
  }

  @Test
  void alternatingBetweenFramesKeepsEachFramesBytes() {
    PhysicalMemory memory = new PhysicalMemory();
    for (int i = 0; i < 8; i++) {
      memory.writeByte(0x1000L * (i % 2) + i, (byte) (i + 1));
    }
    for (int i = 0; i < 8; i++) {
      assertThat(memory.readByte(0x1000L * (i % 2) + i)).isEqualTo((byte) (i + 1));
    }
    assertThat(memory.readByte(0x1000)).isZero();
    assertThat(memory.readByte(1)).isZero();
  }

  @Test
  void restoringPutsBackWrittenFramesAndRemovesNewOnesBelowAndAbove4GiB() {
    PhysicalMemory memory = new PhysicalMemory();
    memory.write(0x1000, pattern(64, 1));
    memory.write(0x7_0000_0000L, pattern(64, 9));
    long hashAtCheckpoint = memory.stateHash();
    Runnable restore = memory.checkpoint();

    for (int round = 0; round < 3; round++) {
      memory.write(0x1010, pattern(16, 100 + round));
      memory.writeValue(0x2000, 8, -1L);
      memory.write(0x9_0000_0ff8L, pattern(16, 50));
      memory.writeByte(0x7_0000_0000L, (byte) 77);
      assertThat(memory.touchedFrames()).isEqualTo(5);
      assertThat(memory.stateHash()).isNotEqualTo(hashAtCheckpoint);

      restore.run();

      assertThat(memory.touchedFrames()).as("round %d", round).isEqualTo(2);
      assertThat(memory.read(0x1000, 64)).isEqualTo(pattern(64, 1));
      assertThat(memory.read(0x7_0000_0000L, 64)).isEqualTo(pattern(64, 9));
      assertThat(memory.readValue(0x2000, 8)).isZero();
      assertThat(memory.read(0x9_0000_0ff8L, 16)).isEqualTo(new byte[16]);
      assertThat(memory.stateHash()).isEqualTo(hashAtCheckpoint);
    }
  }

  @Test
  void aWriteRightAfterAHashOrACheckpointIsNotMissed() {
    PhysicalMemory memory = new PhysicalMemory();
    memory.writeByte(0x1000, (byte) 1);
    long before = memory.stateHash();
    memory.writeByte(0x1001, (byte) 2);
    assertThat(memory.stateHash()).as("the frame written last before the hash").isNotEqualTo(before);

    Runnable restore = memory.checkpoint();
    memory.writeByte(0x1002, (byte) 3);
    restore.run();
    assertThat(memory.readByte(0x1002)).isZero();
    assertThat(memory.readByte(0x1001)).isEqualTo((byte) 2);
  }

  @Test
  void anOlderCheckpointRestoresEverythingSinceIt() {
    PhysicalMemory memory = new PhysicalMemory();
    memory.writeByte(0x1000, (byte) 1);
    Runnable older = memory.checkpoint();
    memory.writeByte(0x1000, (byte) 2);
    memory.writeByte(0x3000, (byte) 3);
    Runnable newer = memory.checkpoint();
    memory.writeByte(0x5000, (byte) 5);

    older.run();
    assertThat(memory.readByte(0x1000)).isEqualTo((byte) 1);
    assertThat(memory.readByte(0x3000)).isZero();
    assertThat(memory.touchedFrames()).isEqualTo(1);

    newer.run();
    assertThat(memory.readByte(0x1000)).isEqualTo((byte) 2);
    assertThat(memory.readByte(0x3000)).isEqualTo((byte) 3);
    assertThat(memory.readByte(0x5000)).isZero();
    assertThat(memory.touchedFrames()).isEqualTo(2);
  }

  @Test
  void theHashIsTheSameKeptUpOrComputedAtOnce() {
    PhysicalMemory kept = new PhysicalMemory();
    kept.stateHash();
    PhysicalMemory once = new PhysicalMemory();
    for (int i = 0; i < 50; i++) {
      long address = (i * 0x1_2345L) % 0x40_0000L + (i % 3 == 0 ? 0x5_0000_0000L : 0);
      kept.write(address, pattern(24, i));
      once.write(address, pattern(24, i));
      if (i % 7 == 0) {
        kept.stateHash();
      }
    }
    assertThat(kept.stateHash()).isEqualTo(once.stateHash());
  }
}
