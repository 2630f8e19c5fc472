package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The decision timeline page, in a real headless Chromium against the packaged operator on the test
 * bed: the decisions this test causes are marked on the charts and listed whole, the budget page
 * shows the consumer, nothing on the page can write, and every round is one JSON line in the
 * operator's log. Screenshots are kept in target/screenshots.
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-timeline")
class DecisionTimelineIT {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static OperatorProcess operator;

  @Test
  void thePageShowsTheDecisionsTheTestCaused(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) throws Exception {
    client.resource(Fixtures.budget("pg", 200, 20)).create();
    client.resource(Fixtures.web("web", 2, 10)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "web"), 60);
    client.resource(Fixtures.policy("web", ns.name(), "pg", "Enforce")).create();
    List<DecisionRecord> first = awaitDecisions(client, 1);

    // A second decision: more load than the budget allows.
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "web"), 400);
    List<DecisionRecord> up = awaitDecisions(client, changed(first).size() + 1);
    Thread.sleep(6_000); // a few steady rounds at the budget's limit

    // A third: the load falls, replicas come down.
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "web"), 150);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                changed(
                        client
                            .resources(ScalingPolicy.class)
                            .withName("web")
                            .get()
                            .getStatus()
                            .getHistory())
                    .stream()
                    .skip(changed(up).size())
                    .anyMatch(r -> r.getToReplicas() < r.getFromReplicas()));
    Thread.sleep(6_000); // the lines run on after the last decision
    List<DecisionRecord> decisions =
        client.resources(ScalingPolicy.class).withName("web").get().getStatus().getHistory();

    String policyUrl = operator.baseUrl() + "/headroom/policies/" + ns.name() + "/web";
    try (HeadlessChromium chromium = new HeadlessChromium(1280, 1500)) {
      ChromeDriver page = chromium.driver();
      page.get(policyUrl);
      assertThat(page.getTitle()).isEqualTo("sp " + ns.name() + "/web · Headroom");
      List<WebElement> markers = page.findElements(By.cssSelector("svg.replicas g.decision"));
      List<DecisionRecord> decided = changed(decisions);
      assertThat(markers)
          .as("one marker per decision that changed something")
          .hasSizeGreaterThanOrEqualTo(decided.size());
      assertThat(markers)
          .extracting(m -> m.getAttribute("data-winner"))
          .contains(decided.get(decided.size() - 1).getWinner());
      assertThat(markers)
          .extracting(m -> m.getAttribute("data-time"))
          .containsAll(
              decided.stream().map(r -> java.time.Instant.parse(r.getTime()).toString()).toList());
      assertThat(page.findElements(By.cssSelector("svg.replicas path.series")))
          .extracting(p -> p.getAttribute("data-series"))
          .contains("requested", "desired", "current", "ready");
      assertThat(page.findElements(By.cssSelector("svg.load path.series"))).isNotEmpty();
      String table = page.findElement(By.cssSelector("table.decisions")).getText();
      for (DecisionRecord r : decided) {
        assertThat(table).contains(r.getActions().get(0));
      }
      assertThat(page.findElements(By.cssSelector("form, input, button")))
          .as("nothing to write with")
          .isEmpty();
      chromium.screenshot(SCREENSHOTS.resolve("timeline-policy.png"));

      page.get(operator.baseUrl() + "/headroom/budgets/" + ns.name() + "/pg");
      assertThat(page.findElements(By.cssSelector("table.consumers tr.consumer")))
          .extracting(WebElement::getText)
          .anySatisfy(t -> assertThat(t).contains(ns.name() + "/web"));
      assertThat(page.findElements(By.cssSelector("svg.stacked path.layer")))
          .extracting(p -> p.getAttribute("data-consumer"))
          .containsExactly(ns.name() + "/web");
      assertThat(page.findElements(By.cssSelector("svg.stacked line.limit"))).hasSize(1);
      chromium.screenshot(SCREENSHOTS.resolve("timeline-budget.png"));

      page.get(operator.baseUrl() + "/headroom");
      page.findElement(By.linkText(ns.name() + "/web")).click();
      assertThat(page.getCurrentUrl()).isEqualTo(policyUrl);
    }
    assertThat(Files.size(SCREENSHOTS.resolve("timeline-policy.png"))).isGreaterThan(10_000);

    // Read-only and careful with what it is given.
    assertThat(status("POST", policyUrl)).isIn(404, 405);
    assertThat(status("GET", operator.baseUrl() + "/headroom/policies/" + ns.name() + "/nobody"))
        .isEqualTo(404);
    assertThat(status("GET", operator.baseUrl() + "/headroom/policies/Bad_NS/web")).isEqualTo(400);

    // The workload tells it too: kubectl describe deployment web shows what Headroom did.
    String uid = client.apps().deployments().withName("web").get().getMetadata().getUid();
    await("the Events, sent off the reconcile thread")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var onWorkload =
                  client.v1().events().list().getItems().stream()
                      .filter(
                          e ->
                              "Deployment".equals(e.getInvolvedObject().getKind())
                                  && uid.equals(e.getInvolvedObject().getUid())
                                  && "headroom-operator".equals(e.getReportingComponent()))
                      .toList();
              assertThat(onWorkload)
                  .extracting(io.fabric8.kubernetes.api.model.Event::getReason)
                  .contains("Scaled", "PoolResized");
              assertThat(onWorkload)
                  .extracting(io.fabric8.kubernetes.api.model.Event::getMessage)
                  .anySatisfy(m -> assertThat(m).startsWith("ScalingPolicy web: replicas "));
            });

    // The durable trail: every decision that changed something is a JSON line in the log.
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines =
        Files.readAllLines(operator.log()).stream()
            .filter(
                l ->
                    l.contains("\"policy\":\"web\"")
                        && l.contains("\"namespace\":\"" + ns.name() + "\""))
            .map(l -> readJson(json, l.substring(l.indexOf('{'))))
            .toList();
    assertThat(lines).extracting(l -> l.get("outcome").asText()).contains("applied");
    JsonNode applied =
        lines.stream().filter(l -> "applied".equals(l.get("outcome").asText())).findFirst().get();
    assertThat(applied.get("load").get("load").asDouble()).isPositive();
    assertThat(applied.get("inputs")).isNotEmpty();
    assertThat(applied.get("reasons")).isNotEmpty();
    assertThat(applied.get("budget").asText()).isEqualTo(ns.name() + "/pg");
  }

  private static List<DecisionRecord> awaitDecisions(KubernetesClient client, int atLeast) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("web").get();
              return p.getStatus() != null && changed(p.getStatus().getHistory()).size() >= atLeast;
            });
    return client.resources(ScalingPolicy.class).withName("web").get().getStatus().getHistory();
  }

  /** The entries that changed the target (not "first observed" or "found" ones). */
  private static List<DecisionRecord> changed(List<DecisionRecord> history) {
    return history.stream()
        .filter(r -> r.getActions() != null && !r.getActions().isEmpty())
        .toList();
  }

  private static int status(String method, String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static JsonNode readJson(ObjectMapper json, String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not one JSON object per line: " + text, e);
    }
  }
}
