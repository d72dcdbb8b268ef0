package org.dmasim.samples.explore;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceSource;

/**
 * The choice source of one run of an exploration. It replays the answers of the current path's
 * prefix (checking that the run asks the same points with the same options), then answers 0 at
 * every new point and appends it to the path with the options the bounds allow. At a new point
 * with more than one allowed option it computes the state key; when that state was explored to
 * the end before, it cuts the run by throwing {@link Cut} (an {@link Error}, so no driver code
 * catches it), and keeps throwing should anything ask again.
 *
 * <p>The machine is built after its choice source, so {@link #bind} hands over its state hash
 * once it exists; points asked before then are explored but never merged.
 */
final class ExploringChoiceSource implements ChoiceSource {
  /** Thrown to cut a run at a state explored before. */
  static final class Cut extends Error {
    private static final long serialVersionUID = 1L;

    Cut() {
      super("cut at a merged state", null, false, false);
    }
  }

  private static final Cut CUT = new Cut();

  private final List<Explorer.Frame> path;
  private final Map<Long, Explorer.Node> done;
  private final ExplorationBounds.Budget budget;
  private LongSupplier stateHash;
  private int depth;
  private int newStates;
  private int visited;
  private Explorer.Node mergedInto;

  ExploringChoiceSource(List<Explorer.Frame> path, Map<Long, Explorer.Node> done, ExplorationBounds.Budget budget) {
    this.path = path;
    this.done = done;
    this.budget = budget;
  }

  /** From now on, state keys read {@code hash}. */
  void bind(LongSupplier hash) {
    this.stateHash = hash;
  }

  @Override
  public int choose(ChoicePoint point, int options) {
    if (options < 1) {
      throw new IllegalArgumentException("options must be >= 1, was " + options + " for " + point);
    }
    if (mergedInto != null) {
      throw CUT;
    }
    if (options == 1) {
      budget.spend(point, 0);
      return 0;
    }
    visited++;
    if (depth < path.size()) {
      Explorer.Frame frame = path.get(depth);
      if (frame.node.point != point || frame.node.options != options) {
        throw new IllegalStateException("The run diverged from its replayed prefix at choice " + (depth + 1)
            + ": expected " + frame.node.point + " with " + frame.node.options + " options, the machine asked "
            + point + " with " + options + " (is the program deterministic?)");
      }
      depth++;
      budget.spend(point, frame.value);
      return frame.value;
    }
    int allowed = budget.allowed(point, options);
    long key = 0;
    boolean keyed = false;
    if (allowed > 1) {
      if (done != null && stateHash != null) {
        key = budget.fold(Keys.mix(Keys.mix(Keys.mix(stateHash.getAsLong(), point.ordinal()), options), allowed));
        Explorer.Node known = done.get(key);
        if (known != null) {
          mergedInto = known;
          throw CUT;
        }
        keyed = true;
      }
      newStates++;
    }
    path.add(new Explorer.Frame(new Explorer.Node(point, options), allowed, key, keyed));
    depth++;
    budget.spend(point, 0);
    return 0;
  }

  /** Checks the run replayed its whole prefix: a shorter run means the program is not deterministic. */
  void checkReplayed() {
    if (depth < path.size()) {
      throw new IllegalStateException("The run ended after " + depth + " choices, before its replayed prefix of "
          + path.size() + " (is the program deterministic?)");
    }
  }

  /** How deep the run got on the path. */
  int depth() {
    return depth;
  }

  /** Branching points met for the first time in this run. */
  int newStates() {
    return newStates;
  }

  /** Points with more than one option this run passed, replayed ones included. */
  int visited() {
    return visited;
  }

  /** The summary of the state the run was cut at. */
  Explorer.Node mergedInto() {
    return mergedInto;
  }
}
