package org.dmasim.allocators;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import java.util.List;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.Machines;
import org.dmasim.core.SeededChoiceSource;
import org.dmasim.core.ArchitectureProfile;
import org.junit.jupiter.api.Test;

class AllocatorsModuleTest {
  private static final List<Class<?>> BOUND = List.of(PageAllocator.class, Kmalloc.class, CoherentMemory.class,
      DmaPools.class, BounceBuffers.class, UncachedPages.class);

  @Test
  void everyProfileOfEveryArchitectureBindsEveryAllocatorOncePerMachine() {
    List<ArchitectureProfile> profiles = TestMachine.REGISTRY.allProfiles();
    assertThat(profiles).extracting(ArchitectureProfile::architecture)
        .contains("x86", "arm-noncoherent", "mips");
    for (ArchitectureProfile profile : profiles) {
      Injector injector = Machines.injector(TestMachine.REGISTRY, MachineSettings.of(profile, 3),
          new SeededChoiceSource(3, ChoiceRates.DEFAULT), List.of(new AllocatorsModule()));
      for (Class<?> type : BOUND) {
        assertThat(injector.getInstance(type)).as(profile.qualifiedName() + " " + type.getSimpleName())
            .isNotNull().isSameAs(injector.getInstance(type));
      }
      assertThat(injector.getInstance(Kmalloc.class).minimumAlignment())
          .isEqualTo(profile.kmallocMinimumAlignment());
    }
  }

  @Test
  void twoMachinesDoNotShareAllocators() {
    TestMachine first = TestMachine.quiet("x86", "x86-64");
    TestMachine second = TestMachine.quiet("x86", "x86-64");

    long a = first.pages().allocatePages(0);
    long b = second.pages().allocatePages(0);

    assertThat(a).isEqualTo(b).isEqualTo(PhysicalLayout.PAGES_BASE);
    assertThat(first.kmalloc()).isNotSameAs(second.kmalloc());
  }
}
