package dev.headroom.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file under examples/ is created on the real API server, as a user would apply it, and
 * the operator answers each ScalingPolicy and ConnectionBudget in it with a status.
 */
@WithTestBed(prometheus = true)
class ExamplesIT {

  private static OperatorProcess operator;

  @BeforeAll
  static void startOperator(TestBed bed, KubernetesClient client) {
    OperatorProcess.install(bed, client);
    operator = new OperatorProcess(bed, client, Map.of(), "operator-examples").start();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void everyExampleAppliesAndGetsAnsweredInStatus(KubernetesClient client, TestNamespace ns, TestBed bed)
      throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(bed.repoRoot().resolve("examples"))) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    List<String> policies = new ArrayList<>();
    List<String> budgets = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        for (HasMetadata item : client.load(in).items()) {
          client.resource(item).inNamespace(ns.name()).create();
          if (item instanceof ScalingPolicy || "ScalingPolicy".equals(item.getKind())) {
            policies.add(item.getMetadata().getName());
          } else if (item instanceof ConnectionBudget || "ConnectionBudget".equals(item.getKind())) {
            budgets.add(item.getMetadata().getName());
          }
        }
      }
    }
    assertThat(policies).hasSizeGreaterThanOrEqualTo(8);
    assertThat(budgets).hasSizeGreaterThanOrEqualTo(3);

    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      for (String name : policies) {
        ScalingPolicy p = client.resources(ScalingPolicy.class).withName(name).get();
        assertThat(p.getStatus()).as(name).isNotNull();
        assertThat(p.getStatus().getObservedGeneration()).as(name).isEqualTo(p.getMetadata().getGeneration());
        assertThat(Conditions.find(p.getStatus().getConditions(), "Ready")).as(name).isPresent();
        if (p.getSpec().getSchedules() != null && !p.getSpec().getSchedules().isEmpty()) {
          assertThat(p.getStatus().getNextScheduleWindow()).as(name + " next window").isNotNull();
        }
      }
      for (String name : budgets) {
        ConnectionBudget b = client.resources(ConnectionBudget.class).withName(name).get();
        assertThat(b.getStatus()).as(name).isNotNull();
        assertThat(b.getStatus().getObservedGeneration()).as(name).isEqualTo(b.getMetadata().getGeneration());
        assertThat(Conditions.find(b.getStatus().getConditions(), "Ready")).as(name).isPresent();
      }
    });
    assertThat(operator.alive()).isTrue();
  }
}
