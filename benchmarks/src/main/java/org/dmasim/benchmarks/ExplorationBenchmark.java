package org.dmasim.benchmarks;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmasim.samples.explore.ExplorationBounds;
import org.dmasim.samples.explore.ExplorationTiming;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The explorer's own timing ({@link ExplorationTiming#timeAll}): every shipped sample, strategy
 * and profile explored with the default bounds on one thread; the score is the wall time of
 * the whole exploration, with the JVM option ExplorationTiming's own main sets (about a minute, so one cold shot: the JIT warms up on the way, as it
 * does for a user).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = "-Dguice_include_stack_traces=OFF")
public class ExplorationBenchmark {
  @Benchmark
  public int exploreEverySample() {
    return ExplorationTiming.timeAll(List.of(), ExplorationBounds.DEFAULT,
        new PrintStream(OutputStream.nullOutputStream())).size();
  }
}
