package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitectureRegistryTest {
  private static final CostModel COSTS = new CostModel(1, 10, 50, 2, 0.5, 100);

  static ArchitectureProfile profile(String architecture, String name) {
    return new ArchitectureProfile(architecture, name, name + " profile", CacheGeometry.writeBack(4096, 64, 2), 64,
        64, 64, false, false, false, Abi.LP64, COSTS);
  }

  /** A plugin with a given name and profiles; its module binds nothing, as no machine is built here. */
  static class FakePlugin implements ArchitecturePlugin {
    private final String name;
    private final List<ArchitectureProfile> profiles;

    FakePlugin(String name, String... profileNames) {
      this(name, Arrays.stream(profileNames).map(profile -> profile(name, profile)).toList());
    }

    FakePlugin(String name, List<ArchitectureProfile> profiles) {
      this.name = name;
      this.profiles = profiles;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return "fake " + name;
    }

    @Override
    public List<ArchitectureProfile> profiles() {
      return profiles;
    }

    @Override
    public Module module(ArchitectureProfile profile) {
      return binder -> { };
    }
  }

  static final class FirstFakePlugin extends FakePlugin {
    FirstFakePlugin() {
      super("twin", "a");
    }
  }

  static final class SecondFakePlugin extends FakePlugin {
    SecondFakePlugin() {
      super("twin", "b");
    }
  }

  /** Found through {@link java.util.ServiceLoader}: public with a public no-argument constructor. */
  public static final class DiscoverablePlugin extends FakePlugin {
    public DiscoverablePlugin() {
      super("discoverable", "only");
    }
  }

  private static ArchitectureRegistry threeArchitectures() {
    return new ArchitectureRegistry(List.of(new FakePlugin("x86", "pc"), new FakePlugin("mips", "r4k", "r10000"),
        new FakePlugin("arm-noncoherent", "armv7", "arm64")));
  }

  @Test
  void twoPluginsWithOneNameFailNamingBothClasses() {
    assertThatThrownBy(() -> new ArchitectureRegistry(List.of(new FirstFakePlugin(), new SecondFakePlugin())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'twin'")
        .hasMessageContaining(FirstFakePlugin.class.getName())
        .hasMessageContaining(SecondFakePlugin.class.getName());
  }

  @Test
  void aPluginWithoutProfilesFailsNamingItsClass() {
    assertThatThrownBy(() -> new ArchitectureRegistry(List.of(new FakePlugin("empty", List.of()))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(FakePlugin.class.getName())
        .hasMessageContaining("no profiles");
  }

  @Test
  void aProfileNamingAnotherArchitectureFails() {
    FakePlugin plugin = new FakePlugin("mips", List.of(profile("x86", "pc")));

    assertThatThrownBy(() -> new ArchitectureRegistry(List.of(plugin))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'x86'").hasMessageContaining("'mips'");
  }

  @Test
  void twoProfilesWithOneNameFailNamingTheProfile() {
    assertThatThrownBy(() -> new ArchitectureRegistry(List.of(new FakePlugin("mips", "r4k", "r4k"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'mips'").hasMessageContaining("'r4k'");
  }

  @Test
  void namesAndPluginsAreSortedByName() {
    ArchitectureRegistry registry = threeArchitectures();

    assertThat(registry.names()).containsExactly("arm-noncoherent", "mips", "x86");
    assertThat(registry.plugins()).extracting(ArchitecturePlugin::name)
        .containsExactly("arm-noncoherent", "mips", "x86");
    assertThat(registry.plugin("mips").profiles()).extracting(ArchitectureProfile::name)
        .containsExactly("r4k", "r10000");
  }

  @Test
  void anUnknownArchitectureListsTheAvailableOnesAndSuggestsTheClosest() {
    ArchitectureRegistry registry = threeArchitectures();

    assertThatThrownBy(() -> registry.plugin("x68")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown architecture 'x68'. Available: arm-noncoherent, mips, x86. Did you mean 'x86'?");
  }

  @Test
  void anUnknownFarOffArchitectureListsTheAvailableOnesWithoutASuggestion() {
    ArchitectureRegistry registry = threeArchitectures();

    assertThatThrownBy(() -> registry.plugin("powerpc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown architecture 'powerpc'. Available: arm-noncoherent, mips, x86.");
  }

  @Test
  void aProfileNameGivenAsAnArchitectureIsPointedToItsArchitecture() {
    ArchitectureRegistry registry = threeArchitectures();

    assertThatThrownBy(() -> registry.plugin("r4k")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown architecture 'r4k'. Available: arm-noncoherent, mips, x86; 'r4k' is a profile of mips:"
            + " mips/r4k.");
  }

  @Test
  void aProfileOfAnUnknownArchitectureIsTheUnknownArchitectureError() {
    ArchitectureRegistry registry = threeArchitectures();

    assertThatThrownBy(() -> registry.profile("mipz", "r4k")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(registry.unknownArchitecture("mipz")).hasMessageContaining("Did you mean 'mips'?");
  }

  @Test
  void anUnknownProfileListsTheArchitecturesProfilesAndSuggestsTheClosest() {
    ArchitectureRegistry registry = threeArchitectures();

    assertThatThrownBy(() -> registry.profile("mips", "r4x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown profile 'r4x' of architecture 'mips'. Available: r4k, r10000. Did you mean 'r4k'?");
    assertThatThrownBy(() -> registry.profile("mips", "octeon")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown profile 'octeon' of architecture 'mips'. Available: r4k, r10000.");
  }

  @Test
  void theDefaultProfileIsTheFirst() {
    ArchitectureRegistry registry = threeArchitectures();

    assertThat(registry.profile("mips", null).name()).isEqualTo("r4k");
    assertThat(registry.profile("mips", "").name()).isEqualTo("r4k");
    assertThat(registry.profile("arm-noncoherent", null).name()).isEqualTo("armv7");
  }

  @Test
  void aNamedProfileIsFound() {
    ArchitectureRegistry registry = threeArchitectures();

    ArchitectureProfile profile = registry.profile("mips", "r10000");

    assertThat(profile.name()).isEqualTo("r10000");
    assertThat(profile.qualifiedName()).isEqualTo("mips/r10000");
  }

  @Test
  void allProfilesAreListedInArchitectureNameOrder() {
    assertThat(threeArchitectures().allProfiles()).extracting(ArchitectureProfile::qualifiedName)
        .containsExactly("arm-noncoherent/armv7", "arm-noncoherent/arm64", "mips/r4k", "mips/r10000", "x86/pc");
  }

  @Test
  void theListsCannotBeModified() {
    ArchitectureRegistry registry = threeArchitectures();

    assertThatThrownBy(() -> registry.names().add("sparc")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> registry.plugins().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(registry.names()).hasSize(3);
  }

  @Test
  void anEmptyRegistryHasNoNames() {
    ArchitectureRegistry registry = new ArchitectureRegistry(List.of());

    assertThat(registry.names()).isEmpty();
    assertThatThrownBy(() -> registry.plugin("x86")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown architecture 'x86'");
  }

  @Test
  void discoverFindsPluginsListedInServiceFiles(@TempDir Path classes) throws Exception {
    Path services = classes.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(ArchitecturePlugin.class.getName()),
        DiscoverablePlugin.class.getName() + "\n");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ArchitectureRegistryTest.class.getClassLoader())) {
      ArchitectureRegistry registry = ArchitectureRegistry.discover(loader);

      assertThat(registry.names()).contains("discoverable");
      assertThat(registry.plugin("discoverable")).isInstanceOf(DiscoverablePlugin.class);
    }
  }
}
