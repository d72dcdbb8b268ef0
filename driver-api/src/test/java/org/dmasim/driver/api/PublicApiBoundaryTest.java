package org.dmasim.driver.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A driver compiles against driver-api alone: its public packages expose nothing of the machinery beneath. */
class PublicApiBoundaryTest {
  private static final JavaClasses API = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.dmasim.driver.api");

  @Test
  void publicPackagesUseNoGuiceConfigurationCoreOrArchitectureTypes() {
    noClasses().that().resideInAnyPackage("org.dmasim.driver.api", "org.dmasim.driver.api.layout")
        .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "org.apache.commons.configuration2..",
            "org.dmasim.core..", "org.dmasim.arch..", "org.dmasim.allocators..", "org.dmasim.driver.api.internal..",
            "org.dmasim.driver.boot..")
        .because("a driver must compile against driver-api alone and run unchanged on every architecture")
        .check(API);
  }
}
