package org.dmasim.samples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.dmasim.samples.report.AtomicFiles;

/** The {@code dmasim} command line. */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its status: 0 done, 1 failed, 2 bad usage or
   * configuration. Output that cannot be written (a full disk) fails the run; a reader that
   * stops reading early (a pipe into {@code grep -q} or {@code head}) does not.
   */
  public static void main(String[] args) {
    FailureRecordingStream standardOutput = new FailureRecordingStream(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(standardOutput, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = run(out, err, args);
    out.flush();
    err.flush();
    IOException failure = standardOutput.failure;
    if (failure != null && !String.valueOf(failure.getMessage()).contains("Broken pipe")) {
      System.err.println("dmasim: failed: the output could not be written to standard output: "
          + AtomicFiles.describe(failure));
      status = 1;
    }
    System.exit(status);
  }

  /** Runs the command line and returns its exit status. */
  public static int run(String... args) {
    return DmasimCommand.commandLine().execute(args);
  }

  /** Runs the command line with its output and errors going to the given writers. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    picocli.CommandLine commandLine = DmasimCommand.commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }

  /** Passes bytes on and keeps the first failure to write them, which a PrintWriter would swallow. */
  private static final class FailureRecordingStream extends FilterOutputStream {
    private IOException failure;

    FailureRecordingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }
  }
}
