package dev.headroom.operator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.headroom.operator.MovableClock;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class EventPublisherTest {

  KubernetesClient client;
  final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T03:00:00Z"));
  final List<Runnable> handedOver = new ArrayList<>();

  private EventPublisher publisher() {
    return new EventPublisher(client, clock, Duration.ofMinutes(5), handedOver::add);
  }

  private static ConfigMap about() {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("orders")
        .withNamespace("shop")
        .withUid("u-1")
        .endMetadata()
        .build();
  }

  private List<Event> events() {
    return client.v1().events().inNamespace("shop").list().getItems();
  }

  @Test
  void theEventIsWrittenByTheSenderNotByTheCaller() {
    publisher().warning(about(), "BudgetExceeded", "asks 40 of 30");

    assertThat(events()).isEmpty();
    assertThat(handedOver).hasSize(1);
    handedOver.forEach(Runnable::run);
    assertThat(events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("BudgetExceeded");
              assertThat(e.getMessage()).isEqualTo("asks 40 of 30");
              assertThat(e.getInvolvedObject().getUid()).isEqualTo("u-1");
              assertThat(e.getFirstTimestamp()).isEqualTo("2026-12-06T03:00:00Z");
              assertThat(e.getReportingComponent()).isEqualTo(EventPublisher.COMPONENT);
            });
  }

  @Test
  void theSameEventIsNotHandedOverAgainWithinTheDedupInterval() {
    EventPublisher publisher = publisher();
    publisher.normal(about(), "Scaled", "3 -> 5");
    clock.advance(Duration.ofMinutes(4));
    publisher.normal(about(), "Scaled", "3 -> 5");
    publisher.normal(about(), "Scaled", "5 -> 6");
    assertThat(handedOver).hasSize(2);

    clock.advance(Duration.ofMinutes(2));
    publisher.normal(about(), "Scaled", "3 -> 5");
    assertThat(handedOver).hasSize(3);
  }

  @Test
  void aLongMessageIsCutTo1024Characters() {
    publisher().normal(about(), "Held", "x".repeat(5_000));
    handedOver.forEach(Runnable::run);
    assertThat(events().get(0).getMessage()).hasSize(1024).endsWith("...");
  }

  @Test
  void aWorkloadWithoutAUidGetsNoEvent() {
    publisher()
        .normal(
            new io.fabric8.kubernetes.api.model.ObjectReferenceBuilder()
                .withKind("Deployment")
                .withName("web")
                .withNamespace("shop")
                .build(),
            "Scaled",
            "1 -> 2");
    assertThat(handedOver).isEmpty();
  }

  @Test
  void aFailedWriteIsLoggedNotThrown() {
    publisher().normal(about(), "Scaled", "3 -> 5");
    client.close();
    assertThatCode(() -> handedOver.forEach(Runnable::run)).doesNotThrowAnyException();
  }
}
