package dev.headroom.operator.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDecisionLogTest {

  private final List<String> lines = new ArrayList<>();
  private final JsonDecisionLog log = new JsonDecisionLog(lines::add);

  @Test
  void writesOneLineOfJsonWithEveryInputAndTheOutcome() throws Exception {
    log.recorded(
        Entries.round(
            "shop",
            "checkout",
            Instant.parse("2026-12-05T08:00:00Z"),
            4,
            8,
            "applied",
            List.of("replicas 4 → 8", "pool 20 → 9")));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.get("time").asText()).isEqualTo("2026-12-05T08:00:00Z");
    assertThat(json.get("namespace").asText()).isEqualTo("shop");
    assertThat(json.get("policy").asText()).isEqualTo("checkout");
    assertThat(json.get("outcome").asText()).isEqualTo("applied");
    assertThat(json.get("currentReplicas").asInt()).isEqualTo(4);
    assertThat(json.get("requestedReplicas").asInt()).isEqualTo(10);
    assertThat(json.get("desiredReplicas").asInt()).isEqualTo(8);
    assertThat(json.get("grant").asInt()).isEqualTo(90);
    assertThat(json.get("winner").asText()).isEqualTo("Reactive");
    assertThat(json.get("limitedBy").asText()).isEqualTo("Budget");
    assertThat(json.get("load").get("requests").asDouble()).isEqualTo(180.0);
    assertThat(json.get("inputs").get(0).get("source").asText()).isEqualTo("Reactive");
    assertThat(json.get("reasons")).hasSize(2);
    assertThat(json.get("actions").get(1).asText()).isEqualTo("pool 20 → 9");
  }

  @Test
  void aLongExplanationIsWrittenWhole() throws Exception {
    String reason = "y".repeat(5_000) + " end";
    DecisionEntry e = Entries.round("shop", "checkout", Instant.EPOCH, 4, 4, "none", List.of());
    log.recorded(
        new DecisionEntry(
            e.time(),
            e.namespace(),
            e.policy(),
            e.target(),
            e.mode(),
            e.outcome(),
            e.currentReplicas(),
            e.readyReplicas(),
            e.requestedReplicas(),
            e.desiredReplicas(),
            e.fromPool(),
            e.pool(),
            e.budget(),
            e.grant(),
            e.inUseBound(),
            e.winner(),
            e.limitedBy(),
            e.load(),
            e.inputs(),
            List.of(reason),
            e.actions()));

    assertThat(new ObjectMapper().readTree(lines.get(0)).get("reasons").get(0).asText())
        .isEqualTo(reason);
  }
}
