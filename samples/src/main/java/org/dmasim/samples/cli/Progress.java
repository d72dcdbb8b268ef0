package org.dmasim.samples.cli;

import java.io.PrintWriter;

/** A progress bar on standard error, drawn only when a terminal is attached, at most a few times a second. */
final class Progress {
  private static final int WIDTH = 40;

  private final int total;
  private final String unit;
  private final PrintWriter err;
  private final boolean enabled;
  private long lastDrawn;

  Progress(int total, PrintWriter err) {
    this(total, "runs", err);
  }

  Progress(int total, String unit, PrintWriter err) {
    this.total = Math.max(total, 1);
    this.unit = unit;
    this.err = err;
    this.enabled = System.console() != null && System.getenv("DMASIM_NO_PROGRESS") == null;
  }

  synchronized void update(int done) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDrawn < 100_000_000L) {
      return;
    }
    lastDrawn = now;
    int filled = (int) ((long) done * WIDTH / total);
    err.printf("\r[%s%s] %d/%d %s", "=".repeat(filled), " ".repeat(WIDTH - filled), done, total, unit);
    err.flush();
  }

  void finish() {
    if (enabled) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
