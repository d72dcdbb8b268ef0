package org.dmasim.samples.explore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.Machine;
import org.dmasim.core.RecordingChoiceSource.Choice;
import org.dmasim.samples.compare.RunResult;
import org.dmasim.samples.drivers.Outcome;

/**
 * Exhaustive exploration of every schedule of a program within {@link ExplorationBounds}: a
 * stateless depth-first search with re-execution and state merging.
 *
 * <h2>The search</h2>
 * Every nondeterministic decision of a machine comes from its one {@link ChoiceSource}. The
 * explorer runs the program again and again on a fresh machine with an
 * {@link ExploringChoiceSource}: it replays the answers of a prefix, then answers 0 (the quiet
 * option) at every new point while recording the point, the options the machine asked with and
 * the options the bounds allow. After a run, the search backtracks to the deepest recorded point
 * with an untried option, takes the next option there, and runs again. Nothing depends on the
 * order in which the machine asks its points, only on the protocol: {@code choose(point,
 * options)} returns {@code 0..options-1}, a point asked with one option needs no answer, and a
 * run given the same answers asks the same points (checked on every replay).
 *
 * <h2>State merging</h2>
 * At every point with more than one allowed option the explorer computes a key: the machine's
 * {@link Machine#stateHash()} (caches, memory, page attributes, transfers in flight with their
 * relative timing, the hardware's last access, and the program's progress: its access count and
 * every value it loaded), the point's kind and options, the bound budget spent so far and the
 * number of transfers started (a transfer's latency is asked before the transfer joins the
 * machine's state). When a key was explored to the end before, the run is cut there and the
 * remembered summary of everything below that state is merged in: the set of outcomes reachable
 * below, the shortest schedule suffix to each, and the number of schedules below ending in each.
 * Verdicts therefore stay exact. The merge is sound when equal keys continue alike: up to 64-bit
 * hash collisions, and provided the program is a deterministic function of what it loaded and of
 * the transfers it saw complete (true of the sample drivers, which the machine's hash was
 * designed for). {@link Options#mergeStates()} false turns merging off, to check it.
 *
 * <h2>What is counted</h2>
 * Executions are runs that reached the end and were judged; runs cut at a merged state are
 * counted apart. Distinct states are the keys of branching points met for the first time;
 * transitions are the (state, option) pairs taken from them; visited points are every point with
 * more than one option passed in every run, replays included (a stateless search recomputes
 * them: TLC's "states generated" is the closest measure). Schedules are every complete
 * schedule the bounds allow, counted through merged states (saturating at
 * {@link Long#MAX_VALUE}). An outcome is {@code Never} when no schedule reaches it, {@code
 * Always} when every schedule does, {@code Sometimes} otherwise: a proof within the bounds.
 *
 * <h2>Shortest schedules</h2>
 * A schedule's length is its number of non-quiet answers (things the hardware did on its own:
 * an eviction, a fill, a burst before a CPU step, a longer latency, and any victim or target but
 * the first). For each reachable outcome the explorer keeps the shortest, first found in
 * depth-first order among equals, and returns it whole (every point with more than one option)
 * so it replays exactly.
 */
public final class Explorer {
  private static final Outcome[] OUTCOMES = Outcome.values();

  /** One run of the program under test. */
  @FunctionalInterface
  public interface Subject {
    /**
     * Runs the program once with hardware choices from {@code choices}, handing the machine to
     * {@code onMachine} once it is built and before the program runs.
     */
    RunResult run(ChoiceSource choices, Consumer<Machine> onMachine);
  }

  /**
   * How to search: whether to merge equal states, and how many runs (executions and cut runs)
   * at most before giving up with an incomplete result.
   */
  public record Options(boolean mergeStates, long maxRuns) {
    /** Merging on, at most ten million runs. */
    public static final Options DEFAULT = new Options(true, 10_000_000);

    /** Checks the limit. */
    public Options {
      if (maxRuns < 1) {
        throw new IllegalArgumentException("Invalid run limit " + maxRuns + ": must be at least 1");
      }
    }
  }

  private Explorer() {}

  /**
   * Explores every schedule of {@code subject} within {@code bounds}; {@code onExecution} hears
   * every complete execution's result.
   *
   * @throws UnsupportedOperationException when the program refuses to run at all
   */
  public static ExplorationResult explore(Subject subject, int burstBytes, ExplorationBounds bounds,
      Options options, Consumer<RunResult> onExecution) {
    long started = System.nanoTime();
    List<Frame> path = new ArrayList<>();
    Node root = new Node(null, 0);
    Map<Long, Node> done = options.mergeStates() ? new HashMap<>() : null;
    Map<Outcome, Long> executionsByOutcome = new EnumMap<>(Outcome.class);
    for (Outcome outcome : OUTCOMES) {
      executionsByOutcome.put(outcome, 0L);
    }
    long executions = 0;
    long cut = 0;
    long states = 0;
    long transitions = 0;
    long visited = 0;
    boolean complete = true;
    while (true) {
      ExploringChoiceSource source = new ExploringChoiceSource(path, done, new ExplorationBounds.Budget(bounds));
      Outcome outcome = null;
      Node merged = null;
      try {
        RunResult run = subject.run(source, machine -> source.bind(machine::stateHash));
        source.checkReplayed();
        outcome = run.verdict().outcome();
        executions++;
        executionsByOutcome.merge(outcome, 1L, Long::sum);
        onExecution.accept(run);
      } catch (ExploringChoiceSource.Cut cutHere) {
        merged = source.mergedInto();
        cut++;
      } catch (UnsupportedOperationException refused) {
        if (executions + cut == 0) {
          throw refused;
        }
        throw new IllegalStateException("The program refused a schedule after running others: " + refused.getMessage()
            + " (choices " + describe(path, source.depth()) + ")", refused);
      } catch (RuntimeException | AssertionError failure) {
        throw new IllegalStateException("A run failed under the schedule " + describe(path, source.depth()) + ": "
            + failure, failure);
      }
      states += source.newStates();
      visited += source.visited();
      transitions += source.newStates();

      Frame deepest = path.isEmpty() ? null : path.get(path.size() - 1);
      Node target = deepest == null ? root : deepest.node;
      int value = deepest == null ? 0 : deepest.value;
      if (merged != null) {
        target.offer(value, merged);
      } else {
        target.offerLeaf(value, outcome);
      }
      while (!path.isEmpty()) {
        Frame top = path.get(path.size() - 1);
        if (top.value + 1 < top.allowed) {
          top.value++;
          transitions++;
          break;
        }
        path.remove(path.size() - 1);
        if (top.keyed) {
          done.put(top.key, top.node);
        }
        Frame parent = path.isEmpty() ? null : path.get(path.size() - 1);
        (parent == null ? root : parent.node).offer(parent == null ? 0 : parent.value, top.node);
      }
      if (path.isEmpty()) {
        break;
      }
      if (executions + cut >= options.maxRuns()) {
        complete = false;
        // What the unfinished points saw so far still counts as seen (never as remembered states).
        for (int i = path.size() - 1; i >= 0; i--) {
          Frame parent = i == 0 ? null : path.get(i - 1);
          (parent == null ? root : parent.node).offer(parent == null ? 0 : parent.value, path.get(i).node);
        }
        break;
      }
    }
    long wall = System.nanoTime() - started;

    Map<Outcome, Long> schedulesByOutcome = new EnumMap<>(Outcome.class);
    Map<Outcome, Schedule> shortest = new EnumMap<>(Outcome.class);
    for (Outcome outcome : OUTCOMES) {
      int o = outcome.ordinal();
      schedulesByOutcome.put(outcome, root.paths[o]);
      if ((root.mask & (1 << o)) != 0) {
        shortest.put(outcome, new Schedule(schedule(root, o), burstBytes, outcome));
      }
    }
    return new ExplorationResult(bounds, reductions(options), complete, executions, cut, states, transitions,
        visited, wall, executionsByOutcome, schedulesByOutcome, shortest);
  }

  /** The reductions a search with {@code options} runs, in words. */
  public static List<String> reductions(Options options) {
    List<String> reductions = new ArrayList<>();
    if (options.mergeStates()) {
      reductions.add("state merging (64-bit hashes of caches, memory, page attributes, transfers in flight,"
          + " last access and program progress, with the bound budget spent; sound up to hash collisions)");
    } else {
      reductions.add("none (state merging off)");
    }
    reductions.add("single-option points and points whose bound is spent are not branched");
    return List.copyOf(reductions);
  }

  /** The best schedule to {@code outcome} below {@code root}, every choice in order. */
  private static List<Choice> schedule(Node root, int outcome) {
    List<Choice> choices = new ArrayList<>();
    for (Node node = root.next[outcome]; node != null; node = node.next[outcome]) {
      choices.add(new Choice(node.point, node.options, node.value[outcome]));
    }
    return choices;
  }

  private static String describe(List<Frame> path, int depth) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < Math.min(depth, path.size()); i++) {
      Frame frame = path.get(i);
      if (frame.value != 0) {
        text.append(text.length() > 1 ? ", " : "").append('#').append(i + 1).append(' ').append(frame.node.point)
            .append('=').append(frame.value);
      }
    }
    return text.append("] (non-quiet answers; every other point answered 0)").toString();
  }

  /**
   * What is known below one choice point: the outcomes reachable, for each the cheapest suffix
   * (the answer here and the node after it) and the number of schedules ending in it.
   */
  static final class Node {
    final ChoicePoint point;
    final int options;
    int mask;
    final int[] cost = new int[OUTCOMES.length];
    final int[] value = new int[OUTCOMES.length];
    final Node[] next = new Node[OUTCOMES.length];
    final long[] paths = new long[OUTCOMES.length];

    Node(ChoicePoint point, int options) {
      this.point = point;
      this.options = options;
    }

    /** A run ended with {@code outcome} after answering {@code answer} here. */
    void offerLeaf(int answer, Outcome outcome) {
      int o = outcome.ordinal();
      consider(answer, o, 0, null);
      paths[o] = saturatedAdd(paths[o], 1);
    }

    /** Answering {@code answer} here leads to {@code child}. */
    void offer(int answer, Node child) {
      for (int o = 0; o < OUTCOMES.length; o++) {
        if ((child.mask & (1 << o)) != 0) {
          consider(answer, o, child.cost[o], child);
          paths[o] = saturatedAdd(paths[o], child.paths[o]);
        }
      }
    }

    private void consider(int answer, int o, int below, Node child) {
      int total = below + (point != null && answer != 0 ? 1 : 0);
      if ((mask & (1 << o)) == 0 || total < cost[o]) {
        mask |= 1 << o;
        cost[o] = total;
        value[o] = answer;
        next[o] = child;
      }
    }

    private static long saturatedAdd(long a, long b) {
      long sum = a + b;
      return sum < 0 ? Long.MAX_VALUE : sum;
    }
  }

  /** One point on the current path: its node, the options the bounds allow, the answer now tried, its key. */
  static final class Frame {
    final Node node;
    final int allowed;
    final long key;
    final boolean keyed;
    int value;

    Frame(Node node, int allowed, long key, boolean keyed) {
      this.node = node;
      this.allowed = allowed;
      this.key = key;
      this.keyed = keyed;
    }
  }
}
