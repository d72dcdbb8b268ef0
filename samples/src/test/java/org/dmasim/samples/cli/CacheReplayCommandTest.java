package org.dmasim.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmasim.samples.cli.DmasimRun.dmasim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmasim cache-replay} as a user runs it: a trace file in, Dinero IV's table out. */
class CacheReplayCommandTest {
  @TempDir
  Path directory;

  @Test
  void aDinTracePrintsDemandFetchesMissesAndTrafficAsDineroIvDoes() throws IOException {
    // 64-byte blocks, 2 ways, 2 sets: 0x00, 0x80, 0x100 share set 0.
    Path trace = Files.writeString(directory.resolve("small.din"), "0 0\n0 80\n1 100\n0 0\n2 40\n3 44\n");

    DmasimRun run = dmasim("cache-replay", "--trace", trace.toString(), "--cache", "256:64:2");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("(din format, 6 records)")
        .contains("256 bytes, 64-byte blocks, 2-way (2 sets), lru, write-back, write-allocate")
        .containsPattern(" Demand Fetches +6 +1 +5 +3 +1 +1\n")
        .containsPattern(" Demand Misses +5 +1 +4 +3 +1 +0\n")
        .containsPattern(" Demand miss rate +0\\.8333 +1\\.0000 +0\\.8000 +1\\.0000 +1\\.0000 +0\\.0000\n")
        .containsPattern(" Bytes From Memory +320\n")
        .containsPattern(" Bytes To Memory +64\n");
  }

  @Test
  void theFormatComesFromTheExtensionOrTheOption() throws IOException {
    Path binary = directory.resolve("one.bin");
    Files.write(binary, new byte[] {0x40, 0, 0, 0, 8, 0, 1, 0});
    Path unnamed = Files.writeString(directory.resolve("trace.txt"), "w 40 8\n");

    DmasimRun byExtension = dmasim("cache-replay", "--trace", binary.toString(), "--cache", "1k:32:4:fifo:wt:nwa");
    DmasimRun byOption = dmasim("cache-replay", "--trace", unnamed.toString(), "--trace-format", "extended", "--cache",
        "1k:32:4:fifo:wt:nwa");
    DmasimRun unknown = dmasim("cache-replay", "--trace", unnamed.toString(), "--cache", "1k:32:4");

    assertThat(byExtension.status()).as(byExtension.err()).isZero();
    assertThat(byExtension.out()).contains("(binary format, 1 records)").containsPattern(" Bytes To Memory +8\n");
    assertThat(byOption.out()).contains("(extended format, 1 records)").containsPattern(" Bytes To Memory +8\n");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("--trace-format din, extended or binary");
  }

  @Test
  void aMalformedLineIsReportedWithItsNumberAndExitStatusTwo() throws IOException {
    Path trace = Files.writeString(directory.resolve("bad.din"), "0 0\n1 40\n9 80\n");

    DmasimRun run = dmasim("cache-replay", "--trace", trace.toString(), "--cache", "32k:64:8");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("bad.din: line 3: unknown access type label '9'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBadCacheSpecOrAMissingFileIsBadUsage() {
    DmasimRun spec = dmasim("cache-replay", "--trace", "x.din", "--cache", "32k:64:8:lfu");
    DmasimRun missing = dmasim("cache-replay", "--trace", directory.resolve("none.din").toString(), "--cache", "32k:64:8");

    assertThat(spec.status()).isEqualTo(2);
    assertThat(spec.err()).contains("Invalid --cache '32k:64:8:lfu': unknown part 'lfu'");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");

    DmasimRun seedWithoutRandom = dmasim("cache-replay", "--trace", "x.din", "--cache", "32k:64:8:lru", "--seed", "9");
    assertThat(seedWithoutRandom.status()).isEqualTo(2);
    assertThat(seedWithoutRandom.err()).contains("1) Invalid value 'x.din' for '--trace': no such file.")
        .contains("2) Invalid value '9' for '--seed': drives random replacement only, and --cache 32k:64:8:lru"
            + " replaces lru: add :random or leave --seed out.");

    DmasimRun everything = dmasim("cache-replay", "--trace", "none.din", "--cache", "32k:48:8", "--trace-format", "foo",
        "--seed", "x");
    assertThat(everything.status()).isEqualTo(2);
    assertThat(everything.err()).contains("1) Invalid --cache '32k:48:8'", "2) Invalid --trace-format 'foo'",
        "3) Invalid value 'none.din' for '--trace': no such file.", "4) Invalid value 'x' for '--seed'");
  }
}
