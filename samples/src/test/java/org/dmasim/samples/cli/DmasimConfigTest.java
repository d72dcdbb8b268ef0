package org.dmasim.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.BaseConfiguration;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigurationProblems;
import org.dmasim.core.config.MachineOverrides;
import org.dmasim.core.ReplacementPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmasimConfigTest {
  private static final ArchitectureRegistry REGISTRY = ArchitectureRegistry.discover();

  @TempDir
  Path directory;

  private Path file(String name, String content) throws IOException {
    Path path = directory.resolve(name);
    Files.writeString(path, content, StandardCharsets.UTF_8);
    return path;
  }

  @Test
  void everyKeyTheReaderKnowsIsInTheReferenceFileAndNoOther() throws IOException {
    Set<String> documented = new TreeSet<>();
    try (InputStream stream = getClass().getClassLoader().getResourceAsStream("dmasim-reference.properties")) {
      Matcher keys = Pattern.compile("(?m)^# ([a-z][a-z.-]*) =").matcher(new String(stream.readAllBytes(),
          StandardCharsets.UTF_8));
      while (keys.find()) {
        documented.add(keys.group(1));
      }
    }
    Set<String> known = DmasimConfig.knownKeys(REGISTRY);
    assertThat(documented).as("untested or undocumented keys").isEqualTo(known);
    String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
    for (String key : known) {
      assertThat(docs).as("docs/configuration.md documents %s", key).contains("`" + key + "`");
    }
  }

  @Test
  void theReferenceFileUncommentedWholeIsAValidConfiguration() throws IOException {
    String reference;
    try (InputStream stream = getClass().getClassLoader().getResourceAsStream("dmasim-reference.properties")) {
      reference = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path uncommented = file("all.properties", Pattern.compile("(?m)^# ([a-z][a-z.-]* =)").matcher(reference)
        .replaceAll("$1"));
    DmasimConfig config = DmasimConfig.load(uncommented, REGISTRY);
    assertThat(config.runs()).isEqualTo(200);
    assertThat(config.strategies()).isNotEmpty();
  }

  @Test
  void aFileThatCannotBeAConfigurationSaysWhyInOneProblem() throws IOException {
    Path flat = file("flat.yaml", "cache.line-size: 64\n");
    assertThatThrownBy(() -> DmasimConfig.load(flat, REGISTRY)).isInstanceOf(ConfigurationProblems.class)
        .hasMessageContaining("Key 'cache.line-size' is written flat: in YAML and XML, nest it ('line-size' under"
            + " 'cache').");
    Path latin = directory.resolve("latin.properties");
    Files.write(latin, new byte[] {'r', 'u', 'n', 's', '=', '3', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> DmasimConfig.load(latin, REGISTRY)).hasMessageContaining("it is not UTF-8 text");
    assertThatThrownBy(() -> DmasimConfig.load(directory, REGISTRY)).hasMessageContaining("is a directory, not a"
        + " configuration file.");
    Path entity = file("entity.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY e SYSTEM"
        + " \"file:///etc/hostname\">]>\n<config><samples>&e;</samples></config>\n");
    assertThatThrownBy(() -> DmasimConfig.load(entity, REGISTRY))
        .hasMessageContaining("a document type (<!DOCTYPE ...>) is not allowed in a configuration");
    Path list = file("list.yaml", "- iostruct\n- rx-ring\n");
    assertThatThrownBy(() -> DmasimConfig.load(list, REGISTRY))
        .hasMessageContaining("it is not a mapping of keys to values");
    Path loop = file("loop.yaml", "a: &a [*a]\n");
    assertThatThrownBy(() -> DmasimConfig.load(loop, REGISTRY)).isInstanceOf(ConfigurationProblems.class)
        .hasMessageContaining("it refers to itself without end");
    Path empty = file("empty.properties", "samples = ,\n");
    assertThatThrownBy(() -> DmasimConfig.load(empty, REGISTRY))
        .hasMessageContaining("Invalid value ',' for 'samples': names nothing; leave it out for the default.");
  }

  @Test
  void theEmbeddedDefaultsRunEverything() {
    DmasimConfig config = DmasimConfig.defaults(REGISTRY);
    assertThat(config.profiles()).hasSize(REGISTRY.allProfiles().size());
    assertThat(config.profiles().get(0).qualifiedName()).as("the coherent reference comes first")
        .isEqualTo("x86/x86-64");
    assertThat(config.profiles().get(1).architecture()).isEqualTo("arm-noncoherent");
    assertThat(config.samples()).isNotEmpty();
    assertThat(config.runs()).isEqualTo(200);
    assertThat(config.seed()).isEqualTo(1);
    assertThat(config.debug().enabled()).isTrue();
  }

  @Test
  void propertiesYamlAndXmlSayTheSameThing() throws IOException {
    DmasimConfig properties = DmasimConfig.load(file("a.properties",
        "architectures = mips/r4k\nruns = 7\ncache.line-size = 64\ncache.replacement = fifo\n"), REGISTRY);
    DmasimConfig yaml = DmasimConfig.load(file("a.yaml",
        "architectures: mips/r4k\nruns: 7\ncache:\n  line-size: 64\n  replacement: fifo\n"), REGISTRY);
    DmasimConfig xml = DmasimConfig.load(file("a.xml", "<dmasim><architectures>mips/r4k</architectures><runs>7</runs>"
        + "<cache><line-size>64</line-size><replacement>fifo</replacement></cache></dmasim>"), REGISTRY);
    for (DmasimConfig config : new DmasimConfig[] {properties, yaml, xml}) {
      assertThat(config.profiles()).extracting(profile -> profile.qualifiedName()).containsExactly("mips/r4k");
      assertThat(config.runs()).isEqualTo(7);
      MachineOverrides machine = config.machine();
      assertThat(machine.lineSize()).isEqualTo(64);
      assertThat(machine.replacement()).isEqualTo(ReplacementPolicy.FIFO);
      assertThat(machine.apply(config.profiles().get(0), 1, false).cache().lineSize()).isEqualTo(64);
    }
  }

  @Test
  void everyProblemIsReportedAtOnceNumberedWithKeyValueAndSuggestion() throws IOException {
    Path bad = file("bad.properties", String.join("\n",
        "architectures = x68, mips/r4000",
        "cache.line-sise = 32",
        "cache.line-size = 48",
        "runs = 0",
        "format = jsno",
        "samples = iostrcut",
        "choices.speculative-fill = 2"));
    assertThatThrownBy(() -> DmasimConfig.load(bad, REGISTRY))
        .isInstanceOf(ConfigurationProblems.class)
        .satisfies(error -> {
          ConfigurationProblems problems = (ConfigurationProblems) error;
          assertThat(problems.getMessage()).startsWith("Configuration errors in bad.properties:");
          assertThat(problems.problems()).hasSize(8);
          assertThat(problems.getMessage())
              .contains("1) Invalid value 'x68' for 'architectures': Unknown architecture 'x68'. Available:"
                  + " arm-noncoherent, mips, x86. Did you mean 'x86'?")
              .contains("Unknown profile 'r4000' of architecture 'mips'. Available: r4k, r10000.")
              .contains("Invalid value '48' for 'cache.line-size': must be a power of two between 16 and 256.")
              .contains("Invalid value '0' for 'runs'")
              .contains("Invalid value 'jsno' for 'format': must be one of text, json, html, junit. Did you mean 'json'?")
              .contains("Invalid value 'iostrcut' for 'samples'").contains("Did you mean 'iostruct'?")
              .contains("Invalid value '2' for 'choices.speculative-fill'")
              .contains("Key 'cache.line-sise' was not used. Did you mean 'cache.line-size'?");
        });
  }

  @Test
  void aMissingFileOrUnknownExtensionIsOneClearProblem() throws IOException {
    assertThatThrownBy(() -> DmasimConfig.load(directory.resolve("missing.yaml"), REGISTRY))
        .isInstanceOf(ConfigurationProblems.class).hasMessageContaining("does not exist");
    Path toml = file("settings.toml", "runs = 3");
    assertThatThrownBy(() -> DmasimConfig.load(toml, REGISTRY))
        .isInstanceOf(ConfigurationProblems.class).hasMessageContaining("'toml'")
        .hasMessageContaining(".properties, .yaml, .yml, .xml");
  }

  @Test
  void aCacheOverrideThatNoProfileCanBuildIsNamedWithTheProfile() throws IOException {
    Path bad = file("odd.properties", "architectures = x86\ncache.size = 1000\n");
    assertThatThrownBy(() -> DmasimConfig.load(bad, REGISTRY))
        .isInstanceOf(ConfigurationProblems.class).hasMessageContaining("For x86/x86-64: Invalid cache size 1000");
  }
}
