package org.dmasim.samples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path directory;

  private List<String> entries() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aLinkToADeviceIsWrittenThroughNotReplaced() throws IOException {
    Path device = Path.of("/dev/null");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device) && !Files.isRegularFile(device));
    Path link = Files.createSymbolicLink(directory.resolve("out"), device);
    AtomicFiles.write(link, "into the device");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(device);
    assertThat(entries()).containsExactly("out");
  }

  @Test
  void saysWhyADirectoryCannotBeWrittenInBeforeAnythingIsComputed() throws IOException {
    Path file = Files.writeString(directory.resolve("plain"), "x");
    assertThat(AtomicFiles.whyNotWritable(directory)).isEmpty();
    assertThat(entries()).as("the probe is removed").containsExactly("plain");
    assertThat(AtomicFiles.whyNotWritable(directory.resolve("missing"))).contains(directory.resolve("missing")
        + " does not exist");
    assertThat(AtomicFiles.whyNotWritable(file)).contains(file + " is not a directory");
  }

  @Test
  void writesANewFileAsUtf8() throws IOException {
    Path file = directory.resolve("report.txt");
    AtomicFiles.write(file, "µs \u2014 ok\n");
    assertThat(Files.readAllBytes(file)).isEqualTo("µs \u2014 ok\n".getBytes(StandardCharsets.UTF_8));
    assertThat(entries()).containsExactly("report.txt");
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path file = directory.resolve("report.json");
    Files.writeString(file, "old content that is longer than the new one");
    AtomicFiles.write(file, "new");
    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(entries()).containsExactly("report.json");
  }

  @Test
  void aFailingSupplierKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = directory.resolve("report.html");
    Files.writeString(file, "old");
    assertThatThrownBy(() -> AtomicFiles.write(file, () -> {
      throw new IllegalStateException("render failed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("render failed");
    assertThat(Files.readString(file)).isEqualTo("old");
    assertThat(entries()).containsExactly("report.html");
  }

  @Test
  void aMissingDirectoryIsAnErrorNamingItAndTheFile() throws IOException {
    Path missing = directory.resolve("missing");
    Path file = missing.resolve("report.xml");
    assertThatThrownBy(() -> AtomicFiles.write(file, "x")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("directory " + missing + " does not exist");
    assertThat(entries()).isEmpty();
  }

  @Test
  void aDirectoryInTheWayIsAnErrorNamingTheFileAndLeavesItAlone() throws IOException {
    Path target = directory.resolve("report.txt");
    Files.createDirectory(target);
    Files.writeString(target.resolve("inside"), "kept");
    assertThatThrownBy(() -> AtomicFiles.write(target, "x")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(target.toString());
    assertThat(Files.readString(target.resolve("inside"))).isEqualTo("kept");
    assertThat(entries()).containsExactly("report.txt");
  }
}
