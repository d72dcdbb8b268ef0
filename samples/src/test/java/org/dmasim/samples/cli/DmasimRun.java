package org.dmasim.samples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line as a user starts it: its exit status and what it printed. */
record DmasimRun(int status, String out, String err) {
  /** Runs {@code dmasim ARGS...} in this JVM, capturing standard output and standard error. */
  static DmasimRun dmasim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new DmasimRun(status, out.toString(), err.toString());
  }
}
