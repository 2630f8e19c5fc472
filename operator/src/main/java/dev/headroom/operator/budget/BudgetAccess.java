package dev.headroom.operator.budget;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Who may draw on a budget: policies in its own namespace, in {@code allowedNamespaces} ({@code
 * *} for all), or in namespaces whose labels match {@code namespaceSelector}.
 */
public final class BudgetAccess {

  private BudgetAccess() {}

  public static boolean allows(
      ConnectionBudget budget, String namespace, Map<String, String> namespaceLabels) {
    if (namespace.equals(budget.getMetadata().getNamespace())) {
      return true;
    }
    List<String> allowed = budget.getSpec().getAllowedNamespaces();
    if (allowed != null && (allowed.contains("*") || allowed.contains(namespace))) {
      return true;
    }
    LabelSelector selector = budget.getSpec().getNamespaceSelector();
    return selector != null && namespaceLabels != null && matches(selector, namespaceLabels);
  }

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    boolean any = false;
    if (selector.getMatchLabels() != null) {
      for (var e : selector.getMatchLabels().entrySet()) {
        any = true;
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        any = true;
        String value = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        boolean ok =
            switch (r.getOperator()) {
              case "In" -> value != null && values.contains(value);
              case "NotIn" -> value == null || !values.contains(value);
              case "Exists" -> labels.containsKey(r.getKey());
              case "DoesNotExist" -> !labels.containsKey(r.getKey());
              default -> false;
            };
        if (!ok) {
          return false;
        }
      }
    }
    return any; // an empty selector selects nothing here: access must be granted explicitly
  }
}
