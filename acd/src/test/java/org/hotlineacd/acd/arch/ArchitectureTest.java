package org.hotlineacd.acd.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the engine free of I/O, clocks and randomness, and each module in its lane. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.hotlineacd");
  }

  @Test
  void engineImportsNoNettyMicrometerAsteriskOrJdbc() {
    noClasses().that().resideInAnyPackage("org.hotlineacd.acd.engine..", "org.hotlineacd.acd.segment..",
            "org.hotlineacd.acd.figures..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.micrometer..",
            "org.asteriskjava..", "java.sql..", "javax.sql..", "java.net..", "java.nio.file..", "java.io..")
        .check(classes);
  }

  @Test
  void engineNeverReadsAClockSleepsOrUsesUnseededRandomness() {
    noClasses().that().resideInAnyPackage("org.hotlineacd.acd.engine..", "org.hotlineacd.acd.figures..",
            "org.hotlineacd.cti.sim..")
        .should().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(Thread.class, "sleep", long.class)
        .orShould().callMethod(Math.class, "random")
        .orShould().callConstructor(java.util.Random.class)
        .orShould().callConstructor(java.util.SplittableRandom.class)
        .check(classes);
  }

  @Test
  void engineUsesNoLocksOrConcurrentCollections() {
    noClasses().that().resideInAnyPackage("org.hotlineacd.acd.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
        .check(classes);
  }

  @Test
  void metersReadOnlyThePublishedSnapshot_neverTheEngine() {
    noClasses().that().resideInAnyPackage("org.hotlineacd.acd.metrics..")
        .should().dependOnClassesThat().resideInAnyPackage("org.hotlineacd.acd.engine..", "org.hotlineacd.acd.loop..")
        .check(classes);
  }

  @Test
  void onlyTheAsteriskAdapterImportsAsteriskJava() {
    noClasses().that().resideOutsideOfPackage("org.hotlineacd.cti.asterisk..")
        .should().dependOnClassesThat().resideInAnyPackage("org.asteriskjava..")
        .check(classes);
  }

  @Test
  void theBridgeDoesNotDependOnTheEngineModule() {
    noClasses().that().resideInAnyPackage("org.hotlineacd.bridge..")
        .should().dependOnClassesThat().resideInAnyPackage("org.hotlineacd.acd..")
        .check(classes);
  }

  @Test
  void ctiCoreDoesNotDependOnTheEngineModule() {
    noClasses().that().resideInAnyPackage("org.hotlineacd.cti..")
        .should().dependOnClassesThat().resideInAnyPackage("org.hotlineacd.acd..", "org.hotlineacd.bridge..")
        .check(classes);
  }
}
