package org.dmasim.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.dmasim.driver.api.FindingClass;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.boot.Platforms;
import org.dmasim.examples.consumer.PingDriver.Placement;
import org.dmasim.examples.consumer.PingDriver.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ping driver run through dmasim's public API: {@link Platforms#boot} picks an
 * architecture found on the class path, and each seed replays one interleaving of the CPU,
 * the device and the cache hardware.
 */
class PingDriverTest {
  private static final int SEEDS = 50;

  private static Platform x86(long seed) {
    return Platforms.boot("x86", null, seed);
  }

  private static Platform armv7(long seed) {
    return Platforms.boot("arm-noncoherent", "armv7", seed);
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void x86KeepsTheReplyAndTheCounterForEverySeedWhereverTheReplyLives(Placement placement) {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Result result = new PingDriver(x86(seed), placement).ping();

      // The cache snoops the device: the pong lands in (or evicts) the line the CPU uses.
      assertThat(result.replyIntact()).as("seed %d", seed).isTrue();
      assertThat(result.counterIntact()).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void armv7WithTheReplyNextToTheCounterLosesTheReplyForEverySeed() {
    int allStale = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Result result = new PingDriver(armv7(seed), Placement.EMBEDDED).ping();

      // Map invalidates the reply's partial line (cleaning it first). Bumping the counter pulls
      // the line back in with whatever memory holds then: the old reply, or the device's first
      // burst if it won the bus. Unmap cleans that partial line again, so those bytes are
      // written back over the rest of the pong: the CPU's counter survives, the reply does not.
      assertThat(result.replyIntact()).as("seed %d", seed).isFalse();
      assertThat(result.counterIntact()).as("seed %d", seed).isTrue();
      for (int i = 0; i < PingDriver.REPLY_BYTES; i++) {
        assertThat(result.reply()[i]).as("seed %d, reply[%d]", seed, i)
            .isIn(result.pong()[i], PingDriver.OLD_REPLY_BYTE);
      }
      if (result.reply()[0] == PingDriver.OLD_REPLY_BYTE) {
        allStale++;
      }
    }
    assertThat(allStale).as("seeds in which the CPU won the bus before any burst").isPositive();
  }

  @Test
  void armv7WithTheReplyInItsOwnKmallocIsCorrectForEverySeed() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Result result = new PingDriver(armv7(seed), Placement.OWN_KMALLOC).ping();

      // ARMv7's kmalloc minimum (64) covers whole 32-byte lines: nothing else shares them.
      assertThat(result.replyIntact()).as("seed %d", seed).isTrue();
      assertThat(result.counterIntact()).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void dmaApiDebuggingFlagsTheSharedLineEvenWhereItDoesNoHarm() {
    for (Platform platform : new Platform[] {x86(1), armv7(1)}) {
      new PingDriver(platform, Placement.EMBEDDED).ping();

      assertThat(platform.debug().count(FindingClass.CPU_TOUCHED_DEVICE_LINE))
          .as(platform.target().architecture()).isEqualTo(1);
    }
    for (Platform platform : new Platform[] {x86(1), armv7(1)}) {
      new PingDriver(platform, Placement.OWN_KMALLOC).ping();

      assertThat(platform.debug().findings()).as(platform.target().architecture()).isEmpty();
    }
  }
}
