package org.dmasim.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmasim.samples.cli.DmasimRun.dmasim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the command line the way a user does and reads what it prints and writes. */
class CommandLineEndToEndTest {
  @TempDir
  Path directory;

  @Test
  void compareWritesTheJsonContract() throws IOException {
    Path report = directory.resolve("report.json");
    DmasimRun run = dmasim("compare", "--sample", "iostruct", "--arch", "x86,arm-noncoherent/armv7,mips/r4k",
        "--runs", "30", "--seed", "5", "--format", "json", "--out", report.toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();

    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("tool").asText()).isEqualTo("dmasim");
    assertThat(json.get("version").asText()).isNotBlank();
    assertThat(json.get("seed").asLong()).isEqualTo(5);
    assertThat(json.get("runs").asInt()).isEqualTo(30);
    List<JsonNode> results = new ArrayList<>();
    json.get("results").forEach(results::add);
    assertThat(results).hasSize(7 * 3);
    for (JsonNode cell : results) {
      List<String> outcomeKeys = new ArrayList<>();
      cell.get("outcomes").fieldNames().forEachRemaining(outcomeKeys::add);
      assertThat(outcomeKeys).containsExactly("OK", "STALE_READ", "DMA_DATA_CORRUPTED", "CPU_WRITE_LOST");
      assertThat(cell.get("debug").has("EEXIST_OVERLAP")).isTrue();
      assertThat(cell.get("debug").has("CPU_TOUCHED_DEVICE_LINE")).isTrue();
      for (String field : List.of("cycles", "misses", "maintenanceOps", "uncachedAccesses", "paddingBytes")) {
        assertThat(cell.get("cost").has(field)).as(field).isTrue();
      }
    }
    JsonNode x86Embedded = cell(results, "embedded", "x86", "x86-64");
    assertThat(x86Embedded.get("outcomes").get("OK").asInt()).isEqualTo(30);
    assertThat(x86Embedded.get("expectation").asText()).isEqualTo("ACCEPTABLE");
    assertThat(x86Embedded.get("debug").get("CPU_TOUCHED_DEVICE_LINE").asInt())
        .as("the 2002 bug is caught even on x86, where it does no harm").isEqualTo(30);

    JsonNode armEmbedded = cell(results, "embedded", "arm-noncoherent", "armv7");
    assertThat(armEmbedded.get("expectation").asText()).isEqualTo("FORBIDDEN_OBSERVED");
    assertThat(armEmbedded.get("outcomes").get("DMA_DATA_CORRUPTED").asInt()).isPositive();

    JsonNode mipsEmbedded = cell(results, "embedded", "mips", "r4k");
    assertThat(mipsEmbedded.get("outcomes").get("STALE_READ").asInt()).isPositive();
    JsonNode uncachedPageOnMips = cell(results, "uncached-page", "mips", "r4k");
    assertThat(uncachedPageOnMips.get("expectation").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(uncachedPageOnMips.get("notApplicable").asText()).contains("KSEG0");

    JsonNode pool = cell(results, "dma-pool", "arm-noncoherent", "armv7");
    JsonNode separate = cell(results, "separate-kmalloc", "arm-noncoherent", "armv7");
    JsonNode uncachedPage = cell(results, "uncached-page", "arm-noncoherent", "armv7");
    assertThat(uncachedPage.get("cost").get("uncachedAccesses").asLong())
        .as("the uncached page slows the neighbouring data")
        .isGreaterThan(separate.get("cost").get("uncachedAccesses").asLong());
    assertThat(pool.get("cost").get("uncachedAccesses").asLong()).as("pool buffers are reached uncached")
        .isGreaterThan(separate.get("cost").get("uncachedAccesses").asLong());
  }

  @Test
  void theSameSeedGivesTheSameReportWhateverTheThreads() throws IOException {
    Path one = directory.resolve("one.json");
    Path two = directory.resolve("two.json");
    assertThat(dmasim("compare", "--sample", "rx-ring,spi-sensor", "--runs", "10", "--threads", "1", "--format",
        "json", "--out", one.toString()).status()).isZero();
    assertThat(dmasim("compare", "--sample", "rx-ring,spi-sensor", "--runs", "10", "--threads", "2", "--format",
        "json", "--out", two.toString()).status()).isZero();
    assertThat(Files.readString(two)).isEqualTo(Files.readString(one));
  }

  @Test
  void runWithTraceTellsTheStory() {
    DmasimRun run = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "arm-noncoherent",
        "--profile", "armv7", "--seed", "3", "--trace");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("iostruct / embedded on arm-noncoherent/armv7, seed 3: DMA_DATA_CORRUPTED")
        .contains("DMA-API debug: CPU_TOUCHED_DEVICE_LINE")
        .contains("the device's bytes land in memory")
        .contains("<<< DAMAGE: stale bytes written back over the device's data")
        .contains("MAINTENANCE");
  }

  @Test
  void everyCommandPrintsTheVersionItsHelpPromises() {
    for (String command : List.of("compare", "run", "explore", "list", "cache-replay")) {
      DmasimRun version = dmasim(command, "-V");
      assertThat(version.status()).as(command).isZero();
      assertThat(version.out()).as(command).startsWith("dmasim ").isEqualTo(dmasim("--version").out());
    }
  }

  @Test
  void listNamesEverything() {
    DmasimRun run = dmasim("list");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("x86-64", "armv7", "arm64-cwg128", "arm64-pre5.19", "r4k", "r10000",
        "iostruct", "rx-ring", "usb-status", "spi-sensor", "dma-buffer-attribute", "missing-sync", "dma-minalign");
  }

  @Test
  void badInputExitsWithTwoAndSaysWhatIsAllowed() throws IOException {
    DmasimRun unknownSample = dmasim("compare", "--sample", "iostrukt", "--runs", "1");
    assertThat(unknownSample.status()).isEqualTo(2);
    assertThat(unknownSample.err()).contains("'iostrukt'").contains("iostruct, rx-ring, usb-status, spi-sensor")
        .contains("Did you mean 'iostruct'?");

    DmasimRun unknownArch = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "x68");
    assertThat(unknownArch.status()).isEqualTo(2);
    assertThat(unknownArch.err()).contains("Unknown architecture 'x68'. Available: arm-noncoherent, mips, x86.");

    Path config = Files.writeString(directory.resolve("bad.yaml"), "runs: -1\ncache:\n  line-size: 48\n");
    DmasimRun badConfig = dmasim("compare", "--config", config.toString());
    assertThat(badConfig.status()).isEqualTo(2);
    assertThat(badConfig.err()).contains("Configuration errors in bad.yaml:").contains("1) ").contains("2) ");

    Path existing = Files.writeString(directory.resolve("keep.json"), "previous");
    DmasimRun badFormat = dmasim("compare", "--runs", "1", "--format", "jsno", "--out", existing.toString());
    assertThat(badFormat.status()).isEqualTo(2);
    assertThat(badFormat.err()).contains("Did you mean 'json'?");
    assertThat(Files.readString(existing)).as("nothing half-written").isEqualTo("previous");
  }

  @Test
  void everyProblemOfTheCommandLineIsReportedAtOnceBeforeAnyRun() throws IOException {
    Path existing = Files.writeString(directory.resolve("keep.txt"), "previous");
    DmasimRun run = dmasim("compare", "--format", "jsn", "--sample", "iostrut", "--arch", "x68", "--runs", "0",
        "--threads", "2000", "--strategy", "embeded", "--out", directory.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("Configuration errors in the command line:")
        .contains("1) Invalid value 'x68' for '--arch'", "Did you mean 'x86'?")
        .contains("2) Invalid value 'iostrut' for '--sample'", "Did you mean 'iostruct'?")
        .contains("3) Invalid value 'embeded' for '--strategy'", "Did you mean 'embedded'?")
        .contains("4) Invalid value '0' for '--runs': must be a whole number from 1 to 1000000.")
        .contains("5) Invalid value '2000' for '--threads': must be a whole number from 0 to 1024.")
        .contains("6) Invalid value 'jsn' for '--format'", "Did you mean 'json'?")
        .contains("7) Invalid value '" + directory + "' for '--out': is a directory");
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(existing)).isEqualTo("previous");

    DmasimRun exhaustiveWithSeeds = dmasim("compare", "--exhaustive", "--runs", "5", "--seed", "9", "--sample", "iostruct");
    assertThat(exhaustiveWithSeeds.status()).isEqualTo(2);
    assertThat(exhaustiveWithSeeds.err()).contains("--exhaustive explores every schedule",
        "it takes no --runs or --seed.");

    DmasimRun boundsWithoutExhaustive = dmasim("compare", "--evictions", "2", "--runs", "1", "--out",
        directory.resolve("no/such/dir/report.txt").toString(), "--sample", ",", "--strategy", "both-maped");
    assertThat(boundsWithoutExhaustive.status()).isEqualTo(2);
    assertThat(boundsWithoutExhaustive.err())
        .contains("1) Invalid value '' for '--sample': names nothing; leave it out for the default.")
        .contains("2) Invalid value 'both-maped' for '--strategy': must be a strategy of a selected sample",
            "Did you mean 'both-mapped'?")
        .contains("does not exist.")
        .contains("The exploration bounds (--evictions,");
  }

  @Test
  void theConfigurationsMachineIsCheckedAgainstTheProfilesTheCommandLineChooses() throws IOException {
    Path config = Files.writeString(directory.resolve("small.properties"),
        "architectures = x86\ncache.size = 256\ncache.ways = 4\n");
    DmasimRun run = dmasim("compare", "--config", config.toString(), "--arch", "arm-noncoherent/arm64-cwg128");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("1) For arm-noncoherent/arm64-cwg128 (chosen with --arch), the configuration's"
        + " machine keys fail: Invalid cache size 256 for 4 ways of 128-byte lines");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void optionsLeftOutKeepTheConfigurationsValuesAndFormatsIgnoreCase() throws IOException {
    Path config = Files.writeString(directory.resolve("mine.properties"),
        "format = json\nruns = 3\nseed = 7\nsamples = usb-status\narchitectures = x86\nthreads = 1\n");
    DmasimRun fromConfig = dmasim("compare", "--config", config.toString());
    assertThat(fromConfig.status()).as(fromConfig.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(fromConfig.out());
    assertThat(json.get("runs").asInt()).isEqualTo(3);
    assertThat(json.get("seed").asLong()).isEqualTo(7);
    List<String> cells = new ArrayList<>();
    json.get("results").forEach(cell -> cells.add(cell.get("sample").asText() + " " + cell.get("strategy").asText()
        + " " + cell.get("arch").asText() + "/" + cell.get("profile").asText()));
    assertThat(cells).containsExactly("usb-status both-mapped x86/x86-64", "usb-status fixed x86/x86-64");

    DmasimRun overridden = dmasim("compare", "--config", config.toString(), "--format", "TEXT", "--runs", "2",
        "--arch", "mips/r4k");
    assertThat(overridden.status()).as(overridden.err()).isZero();
    assertThat(overridden.out()).startsWith("dmasim ").contains("seed 7, 2 runs per cell").contains("mips/r4k")
        .doesNotContain("x86/x86-64").endsWith("1 thread\n");
  }

  @Test
  void threadsZeroMeansEveryCoreOnTheCommandLineAsInAConfigFile() {
    DmasimRun run = dmasim("compare", "--sample", "iostruct", "--strategy", "embedded", "--arch", "x86", "--runs", "2",
        "--threads", "0");
    assertThat(run.status()).as(run.err()).isZero();
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(run.out().strip()).endsWith(cores + (cores == 1 ? " thread" : " threads"));
  }

  @Test
  void aCombinationTheComparisonShowsAsNotApplicableIsRefusedWithItsReason() {
    for (String command : List.of("run", "explore")) {
      DmasimRun run = dmasim(command, "--sample", "iostruct", "--strategy", "uncached-page", "--arch", "mips");
      assertThat(run.status()).as(command).isEqualTo(2);
      assertThat(run.err()).as(command).startsWith("dmasim: iostruct/uncached-page cannot run on mips/r4k")
          .contains("KSEG0").contains("the comparison shows this combination as n/a").doesNotContain("\tat ");
    }
  }

  @Test
  void runTakesArchitectureSlashProfileAsCompareDoes() {
    DmasimRun slash = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "arm-noncoherent/arm64",
        "--seed", "3");
    DmasimRun separate = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "arm-noncoherent",
        "--profile", "arm64", "--seed", "3");
    assertThat(slash.status()).as(slash.err()).isZero();
    assertThat(slash.out()).startsWith("iostruct / embedded on arm-noncoherent/arm64, seed 3:")
        .isEqualTo(separate.out());

    DmasimRun both = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "arm-noncoherent/arm64",
        "--profile", "armv7");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).contains("Invalid value 'armv7' for '--profile': --arch arm-noncoherent/arm64 names a"
        + " profile already; give it once.");

    DmasimRun threeProblems = dmasim("run", "--sample", "iostrut", "--strategy", "embedded", "--arch",
        "arm-noncoherent/arm65", "--seed", "1", "--schedule", "any.schedule");
    assertThat(threeProblems.status()).isEqualTo(2);
    assertThat(threeProblems.err()).contains("1) Invalid value 'iostrut' for '--sample'", "Did you mean 'iostruct'?")
        .contains("2) Invalid value 'arm-noncoherent/arm65' for '--arch': Unknown profile 'arm65'",
            "Did you mean 'arm64'?")
        .contains("3) --seed 1 and --schedule any.schedule both choose");

    DmasimRun unknownStrategy = dmasim("explore", "--sample", "iostruct", "--strategy", "embeded", "--arch", "x86",
        "--profile", "x86-63", "--schedule-out", directory.resolve("missing").toString());
    assertThat(unknownStrategy.status()).isEqualTo(2);
    assertThat(unknownStrategy.err())
        .contains("1) Invalid value 'embeded' for '--strategy': must be one of embedded,", "Did you mean 'embedded'?")
        .contains("2) Invalid value 'x86/x86-63' for '--arch and --profile': Unknown profile 'x86-63'")
        .contains("3) Invalid value '" + directory.resolve("missing") + "' for '--schedule-out': " + directory.resolve("missing")
            + " does not exist.");
  }

  @Test
  void everyBadExplorationBoundIsNamedWithItsOptionAndRange() {
    DmasimRun explore = dmasim("explore", "--sample", "iostruct", "--strategy", "embedded", "--arch", "x86", "--evictions",
        "-1", "--latencies", "0", "--burst-bytes", "3", "--max-runs", "0");
    assertThat(explore.status()).isEqualTo(2);
    assertThat(explore.err()).contains("1) Invalid value '-1' for '--evictions': must be between 0 and 1000.")
        .contains("2) Invalid value '0' for '--latencies': must be between 1 and 1000.")
        .contains("3) Invalid value '3' for '--burst-bytes': must be a power of two from 1 to 4096.")
        .contains("4) Invalid value '0' for '--max-runs': must be at least 1.");

    DmasimRun exhaustive = dmasim("compare", "--exhaustive", "--fills", "2000", "--sample", "iostruct");
    assertThat(exhaustive.status()).isEqualTo(2);
    assertThat(exhaustive.err()).contains("1) Invalid value '2000' for '--fills': must be between 0 and 1000.");
  }

  @Test
  void aSeedAndAScheduleCannotBothChooseTheHardwaresAnswers() {
    DmasimRun run = dmasim("run", "--sample", "iostruct", "--strategy", "embedded", "--arch", "mips", "--seed", "5",
        "--schedule", directory.resolve("any.schedule").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--seed 5 and --schedule").contains("give only one");
  }

  @Test
  void theFilesProblemsAndTheCommandLinesAreReportedTogether() throws IOException {
    Path bad = Files.writeString(directory.resolve("bad.properties"), "runs = -1\ncache.line-size = 48\n");
    for (String command : List.of("compare", "run")) {
      DmasimRun run = command.equals("compare")
          ? dmasim("compare", "--config", bad.toString(), "--runs", "0", "--sample", "foo")
          : dmasim("run", "--config", bad.toString(), "--sample", "foo", "--strategy", "x", "--arch", "x86");
      assertThat(run.status()).as(command).isEqualTo(2);
      assertThat(run.err()).as(command).startsWith("Configuration errors in bad.properties and the command line:")
          .contains("1) (bad.properties) Invalid value '-1' for 'runs'")
          .contains("2) (bad.properties) Invalid value '48' for 'cache.line-size'")
          .contains("3) (the command line) Invalid value 'foo' for '--sample'");
    }
  }

  @Test
  void aConfigurationGivenBeforeTheCommandAppliesAndIsNeverIgnored() throws IOException {
    Path config = Files.writeString(directory.resolve("three.properties"), "runs = 3\nformat = json\n");
    DmasimRun before = dmasim("--config", config.toString(), "compare", "--sample", "iostruct", "--arch", "x86");
    assertThat(before.status()).as(before.err()).isZero();
    assertThat(new ObjectMapper().readTree(before.out()).get("runs").asInt()).isEqualTo(3);

    Path other = Files.writeString(directory.resolve("other.properties"), "runs = 4\n");
    DmasimRun twice = dmasim("--config", config.toString(), "run", "--config", other.toString(), "--sample", "iostruct",
        "--strategy", "embedded", "--arch", "x86");
    assertThat(twice.status()).isEqualTo(2);
    assertThat(twice.err()).contains("--config is given twice");

    DmasimRun samePlace = dmasim("--config", config.toString(), "compare", "--config",
        directory.resolve(".").resolve("three.properties").toString(), "--sample", "iostruct", "--arch", "x86");
    assertThat(samePlace.status()).as("one file, spelt two ways: " + samePlace.err()).isZero();

    DmasimRun noCommand = dmasim("--config", Files.writeString(directory.resolve("one.properties"),
        "runs = 1\nsamples = spi-sensor\narchitectures = mips/r4k\n").toString());
    assertThat(noCommand.status()).as(noCommand.err()).isZero();
    assertThat(noCommand.out()).contains("seed 1, 1 runs per cell, 1 sample, 1 profile, 3 cells");

    DmasimRun list = dmasim("--config", config.toString(), "list");
    assertThat(list.status()).isEqualTo(2);
    assertThat(list.err()).contains("does not apply to list");
    assertThat(list.out()).isEmpty();
  }

  @Test
  void strictCheckingStopsOneRunAndIsRefusedWhereWholeRunsAreCounted() throws IOException {
    Path strict = Files.writeString(directory.resolve("strict.properties"), "debug.strict = true\n");
    DmasimRun run = dmasim("run", "--config", strict.toString(), "--sample", "iostruct", "--strategy", "embedded", "--arch",
        "x86");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("iostruct / embedded on x86/x86-64, seed 1: stopped by the DMA-API debug checker"
        + " (debug.strict) at its first finding").contains("DMA-API debug: CPU_TOUCHED_DEVICE_LINE");

    for (String command : List.of("compare", "explore")) {
      DmasimRun refused = command.equals("compare")
          ? dmasim("compare", "--config", strict.toString(), "--sample", "iostruct")
          : dmasim("explore", "--config", strict.toString(), "--sample", "iostruct", "--strategy", "embedded",
              "--arch", "x86");
      assertThat(refused.status()).as(command).isEqualTo(2);
      assertThat(refused.err()).as(command).contains("debug.strict = true stops a run at its first DMA-API finding")
          .contains("applies to run only").doesNotContain("\tat ");
    }
  }

  @Test
  void numbersNamesAndTheReportFormatAreReadAsAConfigurationReadsThem() throws IOException {
    DmasimRun bad = dmasim("compare", "--runs", "1e3", "--seed", "y", "--threads", "x", "--arch", "x86/,armv7");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err())
        .contains("Invalid value 'x86/' for '--arch': names no profile after '/': give one of x86-64")
        .contains("Invalid value 'armv7' for '--arch'", "'armv7' is a profile of arm-noncoherent:"
            + " arm-noncoherent/armv7.")
        .contains("Invalid value '1e3' for '--runs'", "Invalid value 'y' for '--seed'",
            "Invalid value 'x' for '--threads'");

    Path report = directory.resolve("report.json");
    DmasimRun byExtension = dmasim("compare", "--runs", "010", "--seed", "0x10", "--sample", "iostruct,iostruct",
        "--strategy", "embedded", "--arch", "x86", "--out", report.toString());
    assertThat(byExtension.status()).as(byExtension.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("runs").asInt()).as("decimal, not octal").isEqualTo(10);
    assertThat(json.get("seed").asLong()).isEqualTo(16);
    assertThat(json.get("results")).as("a sample named twice runs once").hasSize(1);

    DmasimRun dropped = dmasim("compare", "--runs", "1", "--arch", "x86", "--sample", "iostruct,rx-ring", "--strategy",
        "embedded");
    assertThat(dropped.status()).isEqualTo(2);
    assertThat(dropped.err()).contains("Invalid value 'rx-ring' for '--sample': has none of the strategies"
        + " --strategy names (embedded); its strategies are correct, missing-sync.");
  }

  @Test
  void textThatLooksLikeAnInterpolationIsText() throws IOException {
    DmasimRun option = dmasim("compare", "--sample", "${--sample}", "--runs", "1");
    assertThat(option.status()).isEqualTo(2);
    assertThat(option.err()).contains("Invalid value '${--sample}' for '--sample'").doesNotContain("\tat ");
    Path config = Files.writeString(directory.resolve("loop.properties"), "samples = ${samples}\n");
    DmasimRun file = dmasim("compare", "--config", config.toString());
    assertThat(file.status()).isEqualTo(2);
    assertThat(file.err()).contains("Invalid value '${samples}' for 'samples'");
  }

  @Test
  void strictCheckingIsAProblemOfTheFileListedWithTheOptions() throws IOException {
    Path strict = Files.writeString(directory.resolve("strict.properties"), "debug.strict = true\n");
    DmasimRun run = dmasim("explore", "--config", strict.toString(), "--sample", "iostruct", "--strategy", "embedded",
        "--arch", "x86", "--evictions", "0x3e9", "--max-runs", "x");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("Configuration errors in strict.properties and the command line:")
        .contains("1) (strict.properties) debug.strict = true stops a run")
        .contains("(the command line) Invalid value '0x3e9' for '--evictions': must be between 0 and 1000.")
        .contains("(the command line) Invalid value 'x' for '--max-runs': must be a whole number.");
  }

  @Test
  void oneMistakeIsOneProblem() {
    DmasimRun run = dmasim("compare", "--sample", "rx-ring", "--strategy", "embedded,embedded", "--arch", "foo,foo");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().lines().filter(line -> line.matches("\\d+\\) .*"))).containsExactly(
        "1) Invalid value 'foo' for '--arch': Unknown architecture 'foo'. Available: arm-noncoherent, mips, x86.",
        "2) Invalid value 'embedded' for '--strategy': must be a strategy of a selected sample: correct, missing-sync.");

    DmasimRun schedule = dmasim("run", "--sample", "bogus", "--strategy", "embedded", "--arch", "x86", "--schedule",
        directory.resolve("none.schedule").toString());
    assertThat(schedule.err()).contains("1) Invalid value 'bogus' for '--sample'")
        .contains("2) Cannot read schedule " + directory.resolve("none.schedule") + ": no such file.");
  }

  private static JsonNode cell(List<JsonNode> results, String strategy, String arch, String profile) {
    return results.stream().filter(cell -> cell.get("strategy").asText().equals(strategy)
        && cell.get("arch").asText().equals(arch) && cell.get("profile").asText().equals(profile))
        .findFirst().orElseThrow(() -> new AssertionError(strategy + " @ " + arch + "/" + profile));
  }
}
