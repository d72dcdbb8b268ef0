package org.dmasim.samples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Writes files so that readers see either the old content or the whole new content, never a
 * half-written file: the content goes to a temporary file beside the target, which then
 * replaces the target in one rename. On failure the temporary file is removed and the old
 * file, if any, is left as it was. A symbolic link at the target is replaced, not followed,
 * unless it leads to something that is no regular file: a device, a pipe or a socket (say
 * {@code /dev/stdout}) is written in place, as nothing could replace it.
 */
public final class AtomicFiles {
  private static final int ATTEMPTS = 16;

  private AtomicFiles() {}

  /**
   * Writes {@code content} as UTF-8 to {@code file}, replacing it atomically.
   *
   * @throws UncheckedIOException naming the file when it cannot be written, and the
   *     directory when that does not exist
   */
  public static void write(Path file, String content) {
    if (content == null) {
      throw new IllegalArgumentException("Cannot write " + file + ": no content");
    }
    write(file, () -> content);
  }

  /**
   * Writes the content {@code content} supplies as UTF-8 to {@code file}, replacing it
   * atomically; the supplier is asked once the temporary file exists, and if it throws, the
   * temporary file is removed, the old file kept, and its exception passed on.
   *
   * @throws UncheckedIOException naming the file when it cannot be written, and the
   *     directory when that does not exist
   */
  public static void write(Path file, Supplier<? extends CharSequence> content) {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (directory == null) {
      throw new UncheckedIOException(new IOException("Cannot write " + file + ": it is not a file name"));
    }
    if (!Files.isDirectory(directory)) {
      throw new UncheckedIOException(new IOException("Cannot write " + file + ": directory " + directory
          + (Files.exists(directory) ? " is not a directory" : " does not exist")));
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new UncheckedIOException(new IOException("Cannot write " + file + ": it is a directory"));
    }
    if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
      writeInPlace(file, target, content);
      return;
    }
    Path temporary = null;
    boolean done = false;
    try {
      temporary = createTemporary(target);
      CharSequence text = content.get();
      if (text == null) {
        throw new IllegalArgumentException("Cannot write " + file + ": no content");
      }
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + describe(e), e);
    } finally {
      if (!done && temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // the write already failed; that failure is the one to report
        }
      }
    }
  }

  private static void writeInPlace(Path file, Path target, Supplier<? extends CharSequence> content) {
    try (var channel = Files.newByteChannel(target, StandardOpenOption.WRITE)) {
      CharSequence text = content.get();
      if (text == null) {
        throw new IllegalArgumentException("Cannot write " + file + ": no content");
      }
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + describe(e), e);
    }
  }

  /** What went wrong, in words: the exception's reason without its class name. */
  public static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException failure && failure.getReason() != null) {
      return failure.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Why no file can be created in {@code directory} (tried by creating one and removing it), or
   * empty when one can: so that a long computation whose results go there fails before it
   * starts, not after.
   */
  public static Optional<String> whyNotWritable(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Optional.of(Files.exists(directory) ? directory + " is not a directory" : directory + " does not exist");
    }
    try {
      Files.delete(createTemporary(directory.resolve("probe")));
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot create a file in " + directory + " (" + describe(e) + ")");
    }
  }

  /** A new empty file beside {@code target}, hidden, with the permissions a new file gets. */
  private static Path createTemporary(Path target) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Path candidate = target.resolveSibling("." + target.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        last = e;
      }
    }
    throw last;
  }
}
