package org.dmasim.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dmasim.arch.x86.X86Plugin;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.PluginConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second provider with an existing name on the class path is a start-up error naming both classes. */
class DuplicatePluginTest {
  /** A plugin that claims the name x86 a second time. */
  public static final class AnotherX86Plugin implements ArchitecturePlugin {
    private final X86Plugin real = new X86Plugin();

    @Override
    public String name() {
      return "x86";
    }

    @Override
    public String description() {
      return "a second x86";
    }

    @Override
    public List<ArchitectureProfile> profiles() {
      return real.profiles();
    }

    @Override
    public Module module(ArchitectureProfile profile) {
      return real.module(profile);
    }
  }

  @TempDir
  Path jar;

  @Test
  void startUpFailsNamingBothClasses() throws IOException {
    Path services = Files.createDirectories(jar.resolve("META-INF/services"));
    Files.writeString(services.resolve(ArchitecturePlugin.class.getName()), AnotherX86Plugin.class.getName() + "\n");
    try (URLClassLoader classPath = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        DuplicatePluginTest.class.getClassLoader())) {
      assertThatThrownBy(() -> ArchitectureRegistry.discover(classPath))
          .isInstanceOf(PluginConflictException.class)
          .hasMessageContaining("'x86'")
          .hasMessageContaining(X86Plugin.class.getName())
          .hasMessageContaining(AnotherX86Plugin.class.getName());
    }
  }
}
