package dev.headroom.operator.budget;

import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may draw on a budget: policies in its own namespace, in {@code allowedNamespaces} ({@code *}
 * for all), or in namespaces whose labels match {@code namespaceSelector}.
 */
public final class BudgetAccess {

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_KEY =
      Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

  private BudgetAccess() {}

  /**
   * What the schema lets through but can never match: an entry of {@code allowedNamespaces} that is
   * no namespace name, a selector requirement Kubernetes itself would refuse. Such a budget reports
   * them instead of silently allowing nobody.
   */
  public static List<Violation> violations(
      List<String> allowedNamespaces, LabelSelector namespaceSelector) {
    List<Violation> out = new ArrayList<>();
    if (allowedNamespaces != null) {
      for (int i = 0; i < allowedNamespaces.size(); i++) {
        String ns = allowedNamespaces.get(i);
        if (ns == null
            || !(ns.equals("*") || (ns.length() <= 63 && NAMESPACE.matcher(ns).matches()))) {
          out.add(
              new Violation(
                  "spec.allowedNamespaces[" + i + "]",
                  "'"
                      + clip(ns)
                      + "' is not a namespace name (lower-case DNS label, at most 63 characters) or *"));
        }
      }
    }
    if (namespaceSelector != null && namespaceSelector.getMatchExpressions() != null) {
      List<LabelSelectorRequirement> exprs = namespaceSelector.getMatchExpressions();
      for (int i = 0; i < exprs.size(); i++) {
        LabelSelectorRequirement r = exprs.get(i);
        String path = "spec.namespaceSelector.matchExpressions[" + i + "]";
        if (r.getKey() == null
            || r.getKey().length() > 317
            || !LABEL_KEY.matcher(r.getKey()).matches()) {
          out.add(new Violation(path + ".key", "'" + clip(r.getKey()) + "' is not a label key"));
        }
        boolean hasValues = r.getValues() != null && !r.getValues().isEmpty();
        if (!OPERATORS.contains(r.getOperator())) {
          out.add(
              new Violation(
                  path + ".operator",
                  "must be In, NotIn, Exists or DoesNotExist, got '"
                      + clip(r.getOperator())
                      + "'"));
        } else if (("In".equals(r.getOperator()) || "NotIn".equals(r.getOperator()))
            && !hasValues) {
          out.add(
              new Violation(path + ".values", "must not be empty for operator " + r.getOperator()));
        } else if (("Exists".equals(r.getOperator()) || "DoesNotExist".equals(r.getOperator()))
            && hasValues) {
          out.add(new Violation(path + ".values", "must be empty for operator " + r.getOperator()));
        }
      }
    }
    return out;
  }

  private static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 70 ? s : s.substring(0, 70) + "...";
  }

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
