package org.dmasim.benchmarks;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmasim.samples.explore.ExplorationBounds;
import org.dmasim.samples.explore.ExplorationTiming;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The explorer's speed per shipped sample ({@link ExplorationTiming#timeAll}): every strategy
 * and profile of the sample explored to the end with the default bounds, on one thread, once
 * per operation (each cell boots its machine, as a user's exploration does). The primary score
 * is explorations of the whole sample per second; the secondary scores {@code states} and
 * {@code runs} are distinct states and runs per second, steady state, after the JIT's warm-up.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = "-Dguice_include_stack_traces=OFF")
@State(Scope.Thread)
public class ExplorationBenchmark {
  /** The sample explored. */
  @Param({"iostruct", "rx-ring", "usb-status", "spi-sensor"})
  String sample;

  private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  /** What one iteration's explorations found, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Found {
    /** Distinct states. */
    public long states;
    /** Runs: executions and runs cut at a merged state. */
    public long runs;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void clear() {
      states = 0;
      runs = 0;
    }
  }

  @Benchmark
  public int exploreSample(Found found) {
    List<ExplorationTiming.CellTiming> cells = ExplorationTiming.timeAll(List.of(sample), ExplorationBounds.DEFAULT,
        quiet);
    for (ExplorationTiming.CellTiming cell : cells) {
      found.states += cell.states();
      found.runs += cell.executions() + cell.cut();
    }
    return cells.size();
  }
}
