package dev.headroom.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.it.BadSpecGenerator.BadSpec;
import dev.headroom.operator.it.BadSpecGenerator.Outcome;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Applies {@link BadSpecGenerator}'s invalid and edge-case specs to the real API server with the
 * packaged operator running. Each is refused with a message naming the field, or accepted and
 * reported in status, or pruned; meanwhile a control policy and budget in the same namespace keep
 * being reconciled, the operator stays up, and no workload or budget changes.
 *
 * <p>Seed: {@code -Dheadroom.fuzz.seed=N} (default fixed); variants per class: {@code
 * -Dheadroom.fuzz.perClass=N} (default 4).
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-bad-input-fuzz")
class BadInputFuzzIT {

  static final long SEED = Long.getLong("headroom.fuzz.seed", 20261123L);
  static final int PER_CLASS = Integer.getInteger("headroom.fuzz.perClass", 4);
  private static OperatorProcess operator;

  @Test
  void everyBadSpecIsRefusedOrReportedAndNothingElseChanges(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) throws Exception {
    String other = ns.name() + "-other";
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(other).endMetadata().build())
        .create();
    try {
      run(client, ns, prometheus, other);
    } finally {
      client.namespaces().withName(other).delete();
    }
  }

  private void run(KubernetesClient client, TestNamespace ns, Prometheus prometheus, String other)
      throws Exception {
    // The control: a valid policy and budget that must keep working throughout.
    client.resource(Fixtures.budget("control-pg", 200, 0)).create();
    client.resource(Fixtures.web("control", 2, 10)).create();
    prometheus.setLoad(Fixtures.LOAD_METRIC, Map.of("ns", ns.name(), "app", "control"), 20);
    client.resource(Fixtures.policy("control", ns.name(), "control-pg", "Enforce")).create();
    // What the bad specs point at.
    client.resource(Fixtures.budget(BadSpecGenerator.BUDGET, 100, 0)).create();
    client.resource(Fixtures.web(BadSpecGenerator.TARGET, 2, 10)).create();
    client.resource(Fixtures.web("fuzz-capped", 2, 10)).create();
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("fuzz-config")
                .endMetadata()
                .addToData("pool", "5")
                .build())
        .create();
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("fuzz-secret")
                .endMetadata()
                .addToStringData("password", "hunter2")
                .build())
        .create();
    client
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName(BadSpecGenerator.HPA)
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName("nowhere")
                .endScaleTargetRef()
                .withMinReplicas(1)
                .withMaxReplicas(3)
                .endSpec()
                .build())
        .create();
    for (String[] b :
        new String[][] {
          {"shared"}, {"listed-elsewhere", "shop", "payments"}, {"selector-elsewhere"}
        }) {
      ConnectionBudget budget = Fixtures.budget(b[0], 100, 0);
      budget.getSpec().setAllowedNamespaces(List.of(b).subList(1, b.length));
      if (b[0].startsWith("selector")) {
        budget
            .getSpec()
            .setNamespaceSelector(
                new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                    .addToMatchLabels("team", "payments")
                    .build());
      }
      client.resource(budget).inNamespace(other).create();
    }
    client
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName(BadSpecGenerator.CYCLE_HPA)
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("headroom.dev/v1alpha1")
                .withKind("ScalingPolicy")
                .withName(BadSpecGenerator.CAP_OWNER_POLICY)
                .endScaleTargetRef()
                .withMinReplicas(1)
                .withMaxReplicas(3)
                .endSpec()
                .build())
        .create();
    // Owners of the overlapping targets: older than every bad spec, so they keep the workload.
    client.resource(Fixtures.web(BadSpecGenerator.OWNED, 2, 10)).create();
    ScalingPolicy owner =
        Fixtures.policy(
            BadSpecGenerator.OWNER_POLICY, ns.name(), BadSpecGenerator.BUDGET, "DryRun");
    owner.getSpec().getTargetRef().setName(BadSpecGenerator.OWNED);
    client.resource(owner).create();
    ScalingPolicy capOwner =
        Fixtures.policy(
            BadSpecGenerator.CAP_OWNER_POLICY, ns.name(), BadSpecGenerator.BUDGET, "DryRun");
    capOwner.getSpec().getTargetRef().setName("fuzz-capped");
    client.resource(capOwner).create();

    BadSpecGenerator generator = new BadSpecGenerator(other);
    List<BadSpec> specs = generator.generate(SEED, PER_CLASS);
    // Every reported policy on a workload of its own, so that no two of them overlap.
    for (BadSpec spec : specs) {
      if (spec.outcome() == Outcome.STATUS
          && "ScalingPolicy".equals(spec.kind())
          && BadSpecGenerator.TARGET.equals(
              BadSpecGenerator.get(spec.object(), "spec.targetRef.name"))
          && "Deployment".equals(BadSpecGenerator.get(spec.object(), "spec.targetRef.kind"))) {
        String own = "t-" + spec.name();
        BadSpecGenerator.set(spec.object(), "spec.targetRef.name", own);
        client.resource(Fixtures.web(own, 1, 10)).create();
      }
    }

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              ScalingPolicy control =
                  client.resources(ScalingPolicy.class).withName("control").get();
              assertThat(control.getStatus()).isNotNull();
              assertThat(control.getStatus().getObservedGeneration())
                  .isEqualTo(control.getMetadata().getGeneration());
              assertThat(readyReason(control.getStatus().getConditions())).isEqualTo("Steady");
              var d = client.apps().deployments().withName("control").get();
              assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(d.getSpec().getReplicas());
              assertThat(d.getStatus().getReplicas()).isEqualTo(d.getSpec().getReplicas());
            });
    Map<String, String> before = generations(client, ns.name(), other);
    Thread.sleep(3_000);
    assertThat(generations(client, ns.name(), other)).as("the control is steady").isEqualTo(before);

    Set<String> covered = new LinkedHashSet<>();
    Map<String, Integer> perOutcome = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int historyLimit = 20;

    // 1. What the API server refuses.
    for (BadSpec spec : specs.stream().filter(s -> s.outcome() == Outcome.REFUSED).toList()) {
      try {
        client.resource(resource(spec)).create();
        failures.add(spec + ": accepted, expected a refusal naming " + spec.expect());
        client.resource(resource(spec)).delete();
        continue;
      } catch (KubernetesClientException e) {
        if (!e.getMessage().contains(spec.expect())) {
          failures.add(
              spec + ": refused without naming " + spec.expect() + ": " + clip(e.getMessage()));
          continue;
        }
      }
      if (exists(client, spec)) {
        failures.add(spec + ": refused but exists");
        continue;
      }
      covered.add(spec.bugClass());
      perOutcome.merge("refused", 1, Integer::sum);
    }
    historyLimit = stillReconciles(client, historyLimit);

    // 2. What only the operator can tell: all at once, then wait for every report.
    List<BadSpec> reported = specs.stream().filter(s -> s.outcome() == Outcome.STATUS).toList();
    for (BadSpec spec : reported) {
      client.resource(resource(spec)).create();
    }
    Map<String, String> last = new LinkedHashMap<>();
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                last.clear();
                for (BadSpec spec : reported) {
                  String problem = statusProblem(client, spec);
                  if (problem != null) {
                    last.put(spec.toString(), problem);
                  }
                }
                return last.isEmpty();
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      last.forEach((k, v) -> failures.add(k + ": " + v));
    }
    for (BadSpec spec : reported) {
      if (!last.containsKey(spec.toString())) {
        covered.add(spec.bugClass());
        perOutcome.merge("reported in status", 1, Integer::sum);
      }
    }
    Thread.sleep(4_000); // a few more rounds of every reported policy
    historyLimit = stillReconciles(client, historyLimit);
    assertThat(generations(client, ns.name(), other))
        .as("no workload, budget or HPA changed while bad specs were reported")
        .isEqualTo(before);
    for (BadSpec spec : reported) {
      client.resource(resource(spec)).delete();
    }

    // 3. Unknown fields: pruned (Kubernetes' structural schema), and refused when asked strictly.
    for (BadSpec spec : specs.stream().filter(s -> s.outcome() == Outcome.PRUNED).toList()) {
      try {
        client
            .resource(resource(spec))
            .fieldValidation(FieldValidateable.Validation.STRICT)
            .create();
        failures.add(spec + ": strict field validation accepted unknown fields");
        continue;
      } catch (KubernetesClientException e) {
        if (!e.getMessage().contains("unknown field \"" + spec.expect() + "\"")) {
          failures.add(
              spec
                  + ": strict refusal does not name "
                  + spec.expect()
                  + ": "
                  + clip(e.getMessage()));
          continue;
        }
      }
      client.resource(resource(spec)).create();
      GenericKubernetesResource stored = read(client, spec);
      List<String> kept =
          spec.pruned().stream()
              .filter(p -> BadSpecGenerator.get(stored.getAdditionalProperties(), p) != null)
              .toList();
      if (!kept.isEmpty()) {
        failures.add(spec + ": unknown fields were stored: " + kept);
        continue;
      }
      try {
        await()
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  GenericKubernetesResource r = read(client, spec);
                  Object ready = readyOf(r);
                  boolean seen =
                      ready instanceof Map<?, ?> m
                              && r.getMetadata()
                                  .getGeneration()
                                  .equals(asLong(m.get("observedGeneration")))
                          || Long.valueOf(r.getMetadata().getGeneration())
                              .equals(asLong(r.get("status", "observedGeneration")));
                  // Reconciled as the valid spec it is once pruned: not an error, not invalid.
                  return seen
                      && ready instanceof Map<?, ?> m2
                      && !Set.of("ApiError", "InvalidSpec").contains(m2.get("reason"));
                });
        covered.add(spec.bugClass());
        perOutcome.merge("pruned", 1, Integer::sum);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        failures.add(spec + ": the pruned object was never reconciled");
      }
      client.resource(resource(spec)).delete();
    }
    stillReconciles(client, historyLimit);
    assertThat(generations(client, ns.name(), other)).as("nothing else changed").isEqualTo(before);
    assertThat(operator.alive()).as("the operator process is alive").isTrue();

    System.out.printf(
        "bad-input fuzz: seed %d, specs tried %d, classes covered %d of %d; %s%n",
        SEED, specs.size(), covered.size(), generator.classNames().size(), perOutcome);
    System.out.println("bad-input fuzz classes: " + String.join(", ", covered));
    assertThat(failures)
        .as("specs that were not refused, reported or pruned as expected")
        .isEmpty();
    assertThat(covered).hasSize(generator.classNames().size());
    assertThat(covered.size()).isGreaterThanOrEqualTo(30);
  }

  /** The control policy takes a spec change within a minute: the operator still reconciles. */
  private static int stillReconciles(KubernetesClient client, int historyLimit) {
    int next = historyLimit == 20 ? 21 : 20;
    UserEdit.of(
        client.resources(ScalingPolicy.class).withName("control"),
        p -> {
          p.getSpec().setHistoryLimit(next);
          return p;
        });
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("control").get();
              assertThat(p.getStatus().getObservedGeneration())
                  .isEqualTo(p.getMetadata().getGeneration());
              assertThat(readyReason(p.getStatus().getConditions())).isEqualTo("Steady");
            });
    assertThat(operator.alive()).isTrue();
    return next;
  }

  /**
   * What every workload, budget, HPA, ConfigMap and Secret of the test asks for: spec generations,
   * HPA specs and ConfigMap data. Any write to one of them shows here. The bad specs themselves
   * ({@code f<n>-...}) are left out.
   */
  private static Map<String, String> generations(KubernetesClient client, String ns, String other) {
    Map<String, String> out = new TreeMap<>();
    client.apps().deployments().inNamespace(ns).list().getItems().forEach(d -> put(out, d));
    client
        .resources(ConnectionBudget.class)
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(b -> put(out, b));
    client
        .resources(ConnectionBudget.class)
        .inNamespace(other)
        .list()
        .getItems()
        .forEach(b -> put(out, b));
    client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(
            h -> out.put("HPA/" + h.getMetadata().getName(), Serialization.asJson(h.getSpec())));
    client
        .configMaps()
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(
            c -> out.put("ConfigMap/" + c.getMetadata().getName(), String.valueOf(c.getData())));
    var secret = client.secrets().inNamespace(ns).withName("fuzz-secret").get();
    out.put("Secret/fuzz-secret", secret.getMetadata().getResourceVersion());
    out.keySet().removeIf(k -> k.matches(".*/f\\d+-.*"));
    return out;
  }

  private static void put(Map<String, String> out, HasMetadata o) {
    out.put(
        o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName(),
        String.valueOf(o.getMetadata().getGeneration()));
  }

  /** Null when the spec is reported as expected, otherwise what is wrong so far. */
  private static String statusProblem(KubernetesClient client, BadSpec spec) {
    GenericKubernetesResource r = read(client, spec);
    if (r == null) {
      return "does not exist";
    }
    List<Map<String, Object>> conditions = r.get("status", "conditions");
    if (conditions == null) {
      return "no status yet";
    }
    for (Map<String, Object> c : conditions) {
      if (spec.condition().equals(c.get("type"))) {
        String message = String.valueOf(c.get("message"));
        if (!"False".equals(c.get("status"))
            || !spec.reasons().contains(c.get("reason"))
            || !message.contains(spec.expect())) {
          return spec.condition()
              + "="
              + c.get("status")
              + " "
              + c.get("reason")
              + ": "
              + clip(message)
              + " (expected False, one of "
              + spec.reasons()
              + ", naming "
              + spec.expect()
              + ")";
        }
        return null;
      }
    }
    return "no " + spec.condition() + " condition";
  }

  private static Object readyOf(GenericKubernetesResource r) {
    List<Map<String, Object>> conditions = r.get("status", "conditions");
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> "Ready".equals(c.get("type"))).findFirst().orElse(null);
  }

  private static String readyReason(List<io.fabric8.kubernetes.api.model.Condition> conditions) {
    return conditions.stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .map(c -> c.getStatus() + "/" + c.getReason())
        .map(s -> s.startsWith("True/") ? s.substring(5) : s)
        .orElse(null);
  }

  private static Long asLong(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }

  private static GenericKubernetesResource resource(BadSpec spec) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("headroom.dev/v1alpha1");
    r.setKind(spec.kind());
    r.setMetadata(
        Serialization.unmarshal(
            Serialization.asJson(spec.object().get("metadata")),
            io.fabric8.kubernetes.api.model.ObjectMeta.class));
    spec.object()
        .forEach(
            (k, v) -> {
              if (!Set.of("apiVersion", "kind", "metadata").contains(k)) {
                r.setAdditionalProperty(k, v);
              }
            });
    return r;
  }

  private static GenericKubernetesResource read(KubernetesClient client, BadSpec spec) {
    return client
        .genericKubernetesResources("headroom.dev/v1alpha1", spec.kind())
        .withName(spec.name())
        .get();
  }

  private static boolean exists(KubernetesClient client, BadSpec spec) {
    Object name = BadSpecGenerator.get(spec.object(), "metadata.name");
    if (!(name instanceof String n) || n.isEmpty() || n.length() > 253) {
      return false;
    }
    try {
      return client
              .genericKubernetesResources("headroom.dev/v1alpha1", spec.kind())
              .withName(n)
              .get()
          != null;
    } catch (KubernetesClientException e) {
      return false; // a name the API cannot even address was never stored
    }
  }

  private static String clip(String s) {
    return s == null || s.length() < 400 ? s : s.substring(0, 400) + "...";
  }
}
