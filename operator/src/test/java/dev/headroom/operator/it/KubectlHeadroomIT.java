package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl headroom} as kubectl finds it (an executable named kubectl-headroom on PATH),
 * against the decisions the packaged operator makes on the test bed.
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-kubectl-plugin")
class KubectlHeadroomIT {

  private static TestBed bed;

  @BeforeAll
  static void keepTheTestBed(TestBed testBed) {
    bed = testBed;
  }

  @Test
  void explainsBudgetsAndWhy(KubernetesClient client, TestNamespace ns, Prometheus prometheus)
      throws Exception {
    client.resource(Fixtures.budget("pg", 200, 20)).create();
    client.resource(Fixtures.web("web", 2, 10)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "web"), 400);
    client.resource(Fixtures.policy("web", ns.name(), "pg", "Enforce")).create();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("web").get();
              return p.getStatus() != null
                  && p.getStatus().getHistory().stream()
                      .anyMatch(r -> r.getActions() != null && !r.getActions().isEmpty());
            });
    ScalingPolicy policy = client.resources(ScalingPolicy.class).withName("web").get();
    DecisionRecord last =
        policy.getStatus().getHistory().stream()
            .filter(r -> r.getActions() != null && !r.getActions().isEmpty())
            .reduce((a, b) -> b)
            .get();

    Result explain = kubectl("headroom", "explain", "sp/web", "-n", ns.name());
    assertThat(explain.code()).as(explain.err()).isZero();
    assertThat(explain.out())
        .contains("ScalingPolicy " + ns.name() + "/web (Deployment/web, Enforce)")
        .contains("Last decisions, newest first:")
        .contains(last.getReason())
        .contains(last.getWinner() + " won, limited by " + last.getLimitedBy())
        .contains(last.getReasons().get(0))
        .contains("inputs: ");

    Result budget = kubectl("headroom", "budget", "cb/pg", "-n", ns.name());
    assertThat(budget.code()).as(budget.err()).isZero();
    assertThat(budget.out())
        .contains("ConnectionBudget " + ns.name() + "/pg: ")
        .contains("of 180 connections granted (max 200, reserved 20)")
        .contains("POLICY")
        .contains("GRANT")
        .contains(ns.name() + "/web");

    Result why = kubectl("headroom", "why", "-n", ns.name());
    assertThat(why.code()).as(why.err()).isZero();
    assertThat(why.out())
        .startsWith(ns.name() + "/web: ")
        .contains(policy.getStatus().getWinner() + " won, limited by ");

    Result wrong = kubectl("headroom", "explain", "cb/pg", "-n", ns.name());
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("expected sp/NAME, got cb/pg");

    Result missing = kubectl("headroom", "explain", "sp/nobody", "-n", ns.name());
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("not found");
  }

  record Result(int code, String out, String err) {}

  /** kubectl with the plugin's directory first on PATH, as after a krew or manual install. */
  private static Result kubectl(String... args) throws IOException, InterruptedException {
    Path plugins = bed.repoRoot().resolve("kubectl-plugin");
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("KUBECONFIG", bed.kubeconfig().toString());
    pb.environment().put("PATH", plugins + java.io.File.pathSeparator + System.getenv("PATH"));
    Process p = pb.start();
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
    }
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
