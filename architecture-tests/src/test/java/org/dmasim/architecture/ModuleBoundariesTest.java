package org.dmasim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.dmasim.samples.drivers.violation.DriverReachingIntoCore;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked over every module's production classes in one place. Maven's
 * dependency graph (and the enforcer's banned dependencies) is the first wall; these rules
 * are the second, for what a dependency alone cannot say.
 */
class ModuleBoundariesTest {
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.dmasim");

  static final ArchRule DRIVERS_SEE_ONLY_THE_DRIVER_API = classes()
      .that().resideInAPackage("org.dmasim.samples.drivers..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "org.dmasim.driver.api", "org.dmasim.driver.api.layout", "org.dmasim.samples.drivers..", "java..",
          "jakarta.inject..")
      .because("a driver must run unchanged on every architecture");

  static final ArchRule CORE_KNOWS_NO_ARCHITECTURE_OR_ALLOCATOR = noClasses()
      .that().resideInAPackage("org.dmasim.core..")
      .should().dependOnClassesThat().resideInAnyPackage("org.dmasim.arch..", "org.dmasim.allocators..",
          "org.dmasim.driver..", "org.dmasim.samples..")
      .because("the machine model is what architectures and allocators build on");

  static final ArchRule X86_IS_ALONE = architectureIsAlone("x86", "arm", "mips");
  static final ArchRule ARM_IS_ALONE = architectureIsAlone("arm", "x86", "mips");
  static final ArchRule MIPS_IS_ALONE = architectureIsAlone("mips", "x86", "arm");

  static final ArchRule DRIVER_API_EXPOSES_NOTHING_BENEATH = noClasses()
      .that().resideInAnyPackage("org.dmasim.driver.api", "org.dmasim.driver.api.layout")
      .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "org.apache.commons.configuration2..",
          "org.dmasim.core..", "org.dmasim.arch..", "org.dmasim.allocators..", "org.dmasim.driver.api.internal..",
          "org.dmasim.driver.boot..")
      .because("drivers compile against driver-api's public packages alone");

  static final ArchRule INTERNAL_STAYS_IN_ITS_MODULE = noClasses()
      .that().resideOutsideOfPackage("org.dmasim.driver..")
      .should().dependOnClassesThat().resideInAPackage("org.dmasim.driver.api.internal..")
      .because("..internal.. packages are not used outside their module; boot is the way in");

  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.dmasim.(**)").should().beFreeOfCycles();

  private static ArchRule architectureIsAlone(String self, String first, String second) {
    return noClasses().that().resideInAPackage("org.dmasim.arch." + self + "..")
        .should().dependOnClassesThat().resideInAnyPackage("org.dmasim.arch." + first + "..",
            "org.dmasim.arch." + second + "..", "org.dmasim.allocators..", "org.dmasim.driver..",
            "org.dmasim.samples..")
        .because("architecture modules depend on core only, never on each other");
  }

  @Test
  void everyModuleIsImported() {
    assertThat(PRODUCTION.containPackage("org.dmasim.samples.drivers")).isTrue();
    assertThat(PRODUCTION.containPackage("org.dmasim.arch.mips")).isTrue();
    assertThat(PRODUCTION.containPackage("org.dmasim.allocators")).isTrue();
    assertThat(PRODUCTION.contain(DriverReachingIntoCore.class)).as("test fixtures are not production").isFalse();
  }

  @Test
  void sampleDriversDependOnlyOnTheDriverApi() {
    DRIVERS_SEE_ONLY_THE_DRIVER_API.check(PRODUCTION);
  }

  @Test
  void coreDependsOnNoArchitectureAndNoAllocator() {
    CORE_KNOWS_NO_ARCHITECTURE_OR_ALLOCATOR.check(PRODUCTION);
  }

  @Test
  void architecturesDoNotDependOnEachOther() {
    X86_IS_ALONE.check(PRODUCTION);
    ARM_IS_ALONE.check(PRODUCTION);
    MIPS_IS_ALONE.check(PRODUCTION);
  }

  @Test
  void driverApiPublicPackagesExposeNothingBeneath() {
    DRIVER_API_EXPOSES_NOTHING_BENEATH.check(PRODUCTION);
  }

  @Test
  void internalPackagesAreNotUsedOutsideTheirModule() {
    INTERNAL_STAYS_IN_ITS_MODULE.check(PRODUCTION);
  }

  @Test
  void thereAreNoPackageCycles() {
    NO_PACKAGE_CYCLES.check(PRODUCTION);
  }

  @Test
  void theDriverRuleCatchesADriverThatReachesIntoCore() {
    JavaClasses withViolation = new ClassFileImporter().importClasses(DriverReachingIntoCore.class);
    assertThatThrownBy(() -> DRIVERS_SEE_ONLY_THE_DRIVER_API.check(withViolation))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("DriverReachingIntoCore")
        .hasMessageContaining("org.dmasim.core.Machine");
  }
}
