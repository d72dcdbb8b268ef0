package org.dmasim.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.configuration2.BaseConfiguration;
import org.dmasim.core.CacheGeometry;
import org.dmasim.core.ReplacementPolicy;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.samples.replay.CacheSpec;
import org.dmasim.samples.replay.ReplayReport;
import org.dmasim.samples.replay.Replayer;
import org.dmasim.samples.replay.TraceFormat;
import org.dmasim.samples.replay.TraceReader;
import org.dmasim.samples.replay.TraceRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dmasim cache-replay}: a Dinero IV address trace through dmasim's cache, counted as Dinero IV counts. */
@Command(name = "cache-replay", mixinStandardHelpOptions = true, versionProvider = DmasimCommand.Version.class,
    description = {"Replays a Dinero IV address trace through dmasim's cache (the machines' own, carrying bytes) "
        + "and prints demand fetches, misses and miss rates per access type and bytes to and from memory, in "
        + "Dinero IV's terms, for one unified cache with demand fetch and no sub-blocks (Dinero IV's -l1-usize, "
        + "-l1-ubsize, -l1-uassoc, -l1-urepl, -l1-uwback, -l1-uwalloc). For LRU and FIFO the counts equal "
        + "Dinero IV's; random replacement draws from a seeded source, so its counts differ.",
        "",
        "A reference spanning blocks is split at block boundaries (each part a demand fetch, each extra part a "
        + "multi-block ref); a din record is the aligned 4-byte word, as in Dinero IV; copy-back records clean "
        + "the block (size 0: the whole cache), invalidate records discard it; at the end every dirty block is "
        + "copied back and counted, as Dinero IV does. Sub-blocks, prefetch, split I/D caches and several "
        + "levels are out of scope. See docs/cache-replay.md.",
        ""},
    footer = {"", "Trace formats: din (a type digit, 0 read, 1 write, 2 instruction fetch, 3 misc, 4 copy-back, "
        + "5 invalidate, then a hex address), extended (a letter r w i m c v, a hex address, a hex size), binary "
        + "(8-byte records: 32-bit little-endian address, 16-bit size, 8-bit type, a pad byte). A malformed "
        + "record is reported with its line (or record) number; exit status 2."})
final class CacheReplayCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  /** The top-level command: a --config given before this command is refused, not ignored. */
  @ParentCommand
  DmasimCommand parent;

  @Option(names = "--trace", required = true, paramLabel = "FILE",
      description = "The trace; '-' reads standard input.")
  String trace;

  @Option(names = "--trace-format", paramLabel = "FORMAT",
      description = "din, extended or binary (default: from the extension .din, .xdin, .bin).")
  String traceFormat;

  @Option(names = "--cache", required = true, paramLabel = "SPEC",
      description = "SIZE:LINE:WAYS[:lru|fifo|random][:wb|wt][:wa|nwa], SIZE and LINE in bytes or with k or M;"
          + " the defaults are lru, wb, wa (Dinero IV's). Example: 32k:64:8:fifo:wt:nwa.")
  String cache;

  @Option(names = "--classify-misses",
      description = "Also count compulsory, capacity and conflict misses (Dinero IV's -l1-uccc).")
  boolean classify;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed of random replacement, with :random in --cache only (default: 1).")
  String seed;

  @Override
  public Integer call() throws IOException {
    CommonOptions.refuse("cache-replay", CommonOptions.before(parent));
    BaseConfiguration given = new BaseConfiguration();
    if (seed != null) {
      given.setProperty("--seed", seed);
    }
    ConfigReader options = new ConfigReader(given, "the command line");
    CacheGeometry geometry = null;
    try {
      geometry = CacheSpec.parse(cache);
    } catch (IllegalArgumentException e) {
      options.problem(e.getMessage());
    }
    boolean standardInput = trace.equals("-");
    TraceFormat format = null;
    if (traceFormat != null) {
      try {
        format = TraceFormat.parse(traceFormat);
      } catch (IllegalArgumentException e) {
        options.problem(e.getMessage());
      }
    } else {
      format = standardInput ? null : TraceFormat.ofFileName(trace);
      if (format == null) {
        options.problem("Which trace format is '" + trace + "'? Give --trace-format din, extended or binary (it"
            + " defaults from the extension .din, .xdin or .bin).");
      }
    }
    if (!standardInput) {
      Path file = Path.of(trace);
      if (trace.isBlank()) {
        options.problem("--trace", trace, "names no file; give a trace's path, or - for standard input.");
      } else if (Files.isDirectory(file)) {
        options.problem("--trace", trace, "is a directory.");
      } else if (!Files.exists(file)) {
        options.problem("--trace", trace, "no such file.");
      }
    }
    Long chosenSeed = options.optionalInteger("--seed", value -> true, "must be a whole number.");
    long replacementSeed = chosenSeed == null ? 1 : chosenSeed;
    if (seed != null && geometry != null && geometry.replacement() != ReplacementPolicy.RANDOM) {
      options.problem("--seed", seed, "drives random replacement only, and --cache " + cache + " replaces "
          + geometry.replacement().name().toLowerCase(Locale.ROOT) + ": add :random or leave --seed out.");
    }
    options.finish();
    String source = standardInput ? "standard input" : trace;
    Replayer replayer = new Replayer(geometry, replacementSeed, classify);
    try (InputStream in = standardInput ? System.in : open(Path.of(trace))) {
      TraceReader reader = TraceReader.open(in, format, source);
      TraceRecord record = new TraceRecord();
      while (reader.next(record)) {
        replayer.replay(record);
      }
    }
    replayer.finish();
    PrintWriter out = spec.commandLine().getOut();
    out.print(ReplayReport.render(source, format, geometry, replayer.statistics()));
    out.flush();
    return 0;
  }

  private static InputStream open(Path path) throws IOException {
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      // checked before, but the file may have gone since
      throw new IllegalArgumentException("Invalid --trace " + path + ": no such file");
    }
  }

}
