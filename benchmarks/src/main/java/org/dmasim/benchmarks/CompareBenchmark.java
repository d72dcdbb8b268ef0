package org.dmasim.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dmasim.samples.cli.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default {@code ./dmasim compare} (every sample, strategy and profile, 200 seeds each),
 * through the command line's own entry point, on 1 and on 2 worker threads: the wall time of
 * one whole comparison, JVM start-up excluded, after twelve warm-up comparisons (a comparison
 * takes well under a second once compiled, and the JIT keeps compiling for about ten of them).
 * The report goes to a temporary file.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 12)
@Measurement(iterations = 8)
@Fork(1)
@State(Scope.Benchmark)
public class CompareBenchmark {
  @Param({"1", "2"})
  int threads;

  private Path report;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    report = Files.createTempFile("dmasim-compare", ".txt");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(report);
  }

  @Benchmark
  public int defaultComparison() {
    int status = Main.run("compare", "--threads", String.valueOf(threads), "--out", report.toString());
    if (status != 0) {
      throw new IllegalStateException("dmasim compare exited with " + status);
    }
    return status;
  }
}
