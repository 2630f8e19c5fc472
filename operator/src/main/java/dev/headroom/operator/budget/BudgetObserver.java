package dev.headroom.operator.budget;

import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.validation.BudgetValidator;
import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.ids.PolicyId;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The first step of a budget round: its spec as the engine's, the limit to share (spec or
 * measured), its consumers and the connections measured in use. Changes nothing.
 */
public final class BudgetObserver {

  /** What observing a budget found: its inputs, or the violations of an invalid spec. */
  public sealed interface Observed permits Inputs, Invalid {}

  /**
   * @param consumers the policies that draw on the budget and are allowed to, by policy id
   * @param forbidden the policies that refer to it from a namespace it does not allow
   */
  public record Inputs(
      BudgetSpec spec,
      ObservedConnections.Limit limit,
      List<BudgetConsumers> consumers,
      List<String> forbidden,
      ObservedConnections.Reading reading)
      implements Observed {}

  public record Invalid(List<Violation> violations) implements Observed {}

  private final KubernetesClient client;
  private final ObservedConnections observed;
  private final BudgetValidator validator = new BudgetValidator();

  public BudgetObserver(KubernetesClient client, ObservedConnections observed) {
    this.client = client;
    this.observed = observed;
  }

  /**
   * @param referring the policies the informer indexed under this budget
   */
  public Observed observe(ConnectionBudget budget, Stream<ScalingPolicy> referring, Instant now) {
    var spec = budget.getSpec();
    if (spec == null) {
      // The schema cannot require spec itself; an object without one must not fail every round.
      return new Invalid(
          List.of(
              new Violation(
                  "spec", "Required value: a ConnectionBudget needs a spec with maxConnections")));
    }
    ObservedConnections.Limit limit =
        observed.limit(spec.getObserved(), spec.getMaxConnections(), now);
    BudgetSpec engineSpec = BudgetSpecMapper.toEngine(budget, limit.maxConnections());
    List<Violation> violations = new ArrayList<>(validator.validate(engineSpec));
    violations.addAll(
        BudgetAccess.violations(spec.getAllowedNamespaces(), spec.getNamespaceSelector()));
    if (!violations.isEmpty()) {
      return new Invalid(violations);
    }
    Map<String, Map<String, String>> labels =
        spec.getNamespaceSelector() == null ? Map.of() : namespaceLabels();
    List<BudgetConsumers> consumers = new ArrayList<>();
    List<String> forbidden = new ArrayList<>();
    for (ScalingPolicy p :
        referring
            .filter(p -> BudgetConsumers.refersTo(p, budget))
            .sorted(Comparator.comparing(p -> PolicyId.of(p).toString()))
            .toList()) {
      if (BudgetConsumers.allowed(p, budget, labels)) {
        consumers.add(BudgetConsumers.of(p));
      } else {
        forbidden.add(PolicyId.of(p).toString());
      }
    }
    return new Inputs(
        engineSpec, limit, consumers, forbidden, observed.read(spec.getObserved(), now));
  }

  private Map<String, Map<String, String>> namespaceLabels() {
    Map<String, Map<String, String>> out = new HashMap<>();
    client
        .namespaces()
        .list()
        .getItems()
        .forEach(
            ns ->
                out.put(
                    ns.getMetadata().getName(),
                    ns.getMetadata().getLabels() == null
                        ? Map.of()
                        : ns.getMetadata().getLabels()));
    return out;
  }
}
