package org.dmasim.samples.cli;

import picocli.CommandLine;

/** The {@code dmasim} command line. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its status: 0 done, 1 failed, 2 bad usage or configuration. */
  public static void main(String[] args) {
    int status = run(args);
    if (System.out.checkError()) {
      System.err.println("dmasim: failed: the output could not be written to standard output");
      status = 1;
    }
    System.exit(status);
  }

  /** Runs the command line and returns its exit status. */
  public static int run(String... args) {
    return DmasimCommand.commandLine().execute(args);
  }

  /** Runs the command line with its output and errors going to the given writers. */
  static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    picocli.CommandLine commandLine = DmasimCommand.commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }
}
