package dev.headroom.engine.validation;

import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.budget.ConsumerDemand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a ConnectionBudget, and the demands of its consumers, for rules a schema may miss. */
public final class BudgetValidator {

  public List<Violation> validate(BudgetSpec budget) {
    List<Violation> out = new ArrayList<>();
    Checks.atLeast(out, "spec.maxConnections", budget.maxConnections(), 1);
    Checks.atLeast(out, "spec.reserved", budget.reserved(), 0);
    if (budget.maxConnections() >= 1 && budget.reserved() >= budget.maxConnections()) {
      out.add(
          new Violation(
              "spec.reserved",
              "must be less than spec.maxConnections ("
                  + budget.reserved()
                  + " >= "
                  + budget.maxConnections()
                  + ")"));
    }
    if (budget.allocation() == null) {
      out.add(new Violation("spec.allocation", "must be Proportional or Priority"));
    }
    return List.copyOf(out);
  }

  /** The budget and every consumer's demand; consumers are named by id in the field path. */
  public List<Violation> validate(BudgetSpec budget, List<ConsumerDemand> consumers) {
    List<Violation> out = new ArrayList<>(validate(budget));
    Set<String> ids = new HashSet<>();
    for (ConsumerDemand c : consumers) {
      String path = "consumers[" + c.id() + "]";
      if (!ids.add(c.id())) {
        out.add(new Violation(path, "duplicate consumer"));
      }
      Checks.atLeast(out, path + ".minReplicas", c.minReplicas(), 0);
      Checks.atLeast(out, path + ".poolMin", c.poolMin(), 1);
      if (c.poolMax() < c.poolMin()) {
        out.add(
            new Violation(
                path + ".poolMax",
                "must be >= poolMin (" + c.poolMax() + " < " + c.poolMin() + ")"));
      }
      Checks.atLeast(out, path + ".maxSurge", c.maxSurge(), 0);
    }
    return List.copyOf(out);
  }
}
