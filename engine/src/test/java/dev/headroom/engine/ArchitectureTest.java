package dev.headroom.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure: no Kubernetes, Quarkus, Fabric8 or operator-SDK type anywhere in it, and no
 * wall clock read inside (time comes from the observation or an injected {@code Clock}). The
 * build's enforcer rule bans the artifacts; this test bans the packages.
 */
class ArchitectureTest {

  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.headroom.engine");

  @Test
  void noKubernetesQuarkusFabric8OrOperatorSdk() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8..",
            "io.quarkus..",
            "io.quarkiverse..",
            "io.javaoperatorsdk..",
            "io.kubernetes..",
            "k8s.io..",
            "jakarta.enterprise..",
            "jakarta.inject..")
        .because("the engine is shared by the operator, the simulator and the tests")
        .check(ENGINE);
  }

  @Test
  void noWallClockReads() {
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(java.time.Clock.class, "systemUTC")
        .orShould()
        .callMethod(java.time.Clock.class, "systemDefaultZone")
        .because("decisions must be a pure function of their inputs")
        .check(ENGINE);
  }

  @Test
  void theCorePackagesDoNotDependOnThePorts() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.headroom.engine.model..",
            "dev.headroom.engine.hpa..",
            "dev.headroom.engine.budget..",
            "dev.headroom.engine.schedule..",
            "dev.headroom.engine.capacity..",
            "dev.headroom.engine.validation..",
            "dev.headroom.engine.forecast..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.headroom.engine.port..")
        .check(ENGINE);
  }
}
