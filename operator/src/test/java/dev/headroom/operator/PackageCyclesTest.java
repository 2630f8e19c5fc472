package dev.headroom.operator;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The policy and budget packages meet only through typed ids ({@code ids.PolicyId}, {@code
 * ids.BudgetId}): a policy may ask who a budget admits, a budget never reads the policy package.
 * Read from the compiled classes, so a fully qualified name in code counts as an import.
 */
class PackageCyclesTest {

  private static final JavaClasses POLICY_AND_BUDGET =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "dev.headroom.operator.policy",
              "dev.headroom.operator.budget",
              "dev.headroom.operator.ids");

  @Test
  void policyAndBudgetPackagesHaveNoCycle() {
    slices()
        .matching("dev.headroom.operator.(*)..")
        .should()
        .beFreeOfCycles()
        .because("a cycle between policy and budget makes neither changeable alone")
        .check(POLICY_AND_BUDGET);
  }
}
