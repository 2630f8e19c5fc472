package dev.headroom.operator.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.band.ValueBand;
import dev.headroom.operator.MovableClock;
import dev.headroom.operator.prometheus.Answers;
import dev.headroom.operator.prometheus.FakePrometheus;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusEndpoint;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One query per tick for every policy; a round only for the policies whose value left its band. */
class SignalHubTest {

  static final String QUERY = "sum by (policy) (rate(requests_total[1m]))";
  static final ResourceID CART = new ResourceID("cart", "shop");
  static final ResourceID PAY = new ResourceID("pay", "shop");

  FakePrometheus prometheus;
  MovableClock clock = new MovableClock(Instant.ofEpochSecond(Answers.T0));
  List<ResourceID> woken = new CopyOnWriteArrayList<>();
  AtomicInteger counted = new AtomicInteger();
  SignalHub hub;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    hub =
        new SignalHub(
            new PrometheusClient(PrometheusEndpoint.of(prometheus.url())),
            clock,
            Duration.ofSeconds(2),
            1000,
            counted::incrementAndGet);
    hub.wakeWith(woken::add);
    answer(20, 30);
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  void answer(double cart, double pay) {
    prometheus.answer(
        FakePrometheus.json(
            200,
            Answers.success(
                "vector",
                "[{\"metric\":{\"policy\":\"cart\"},\"value\":["
                    + Answers.T0
                    + ",\""
                    + cart
                    + "\"]},"
                    + "{\"metric\":{\"policy\":\"pay\"},\"value\":["
                    + Answers.T0
                    + ",\""
                    + pay
                    + "\"]}]")));
  }

  static SeriesSelector selector(String policy) {
    return new SeriesSelector(QUERY, Map.of("policy", policy));
  }

  static SignalWatch band(String policy, double low, double high) {
    return new SignalWatch(selector(policy), Optional.of(new ValueBand(low, high)));
  }

  @Test
  void roundsStartingTogetherShareOneQuery() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SignalValue>> reads = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String policy = i % 2 == 0 ? "cart" : "pay";
        reads.add(pool.submit(() -> hub.read(selector(policy))));
      }
      for (int i = 0; i < reads.size(); i++) {
        assertThat(reads.get(i).get().value()).hasValue(i % 2 == 0 ? 20 : 30);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(prometheus.requests()).hasSize(1);
  }

  @Test
  void aStaleAnswerIsAskedAgain() {
    hub.read(selector("cart"));
    clock.advance(Duration.ofSeconds(3));
    answer(25, 30);
    assertThat(hub.read(selector("cart")).value()).hasValue(25);
    assertThat(prometheus.requests()).hasSize(2);
  }

  @Test
  void aTickWakesOnlyThePolicyWhoseValueLeftItsBand() {
    hub.watch(CART, List.of(band("cart", 18, 22)));
    hub.watch(PAY, List.of(band("pay", 27, 33)));
    answer(21, 40);

    hub.tick();

    assertThat(woken).containsExactly(PAY);
    assertThat(counted).hasValue(1);
    assertThat(prometheus.requests()).hasSize(1);
  }

  @Test
  void aWokenPolicyIsNotWokenAgainUntilItsRoundWatchesAgain() {
    hub.watch(PAY, List.of(band("pay", 27, 33)));
    answer(20, 40);
    hub.tick();
    hub.tick();
    assertThat(woken).containsExactly(PAY);

    hub.watch(PAY, List.of(band("pay", 36, 44)));
    hub.tick();
    assertThat(woken).containsExactly(PAY);
    answer(20, 50);
    hub.tick();
    assertThat(woken).containsExactly(PAY, PAY);
  }

  @Test
  void aValueThatLeftTheBandDuringTheRoundWakesAtTheNextTick() {
    // The round read 30 and computed its band; meanwhile the value moved to 40.
    answer(20, 40);
    hub.tick();
    hub.watch(PAY, List.of(band("pay", 27, 33)));
    hub.tick();
    assertThat(woken).containsExactly(PAY);
  }

  @Test
  void aSeriesThatDisappearsWakesAndOneThatComesBackWakesAgain() {
    hub.watch(CART, List.of(band("cart", 18, 22)));
    prometheus.answer(FakePrometheus.json(200, Answers.success("vector", "[]")));
    hub.tick();
    assertThat(woken).containsExactly(CART);
    assertThat(hub.read(selector("cart")).failure()).get().asString().contains("no series");

    hub.watch(CART, List.of(new SignalWatch(selector("cart"), Optional.empty())));
    hub.tick();
    assertThat(woken).containsExactly(CART);
    answer(20, 30);
    hub.tick();
    assertThat(woken).containsExactly(CART, CART);
  }

  @Test
  void thePolicyActingOnAValueGetsTheInstantItWasFirstSeen() {
    hub.watch(PAY, List.of(band("pay", 27, 33)));
    answer(20, 40);
    Instant seen = clock.instant();
    hub.tick();
    clock.advance(Duration.ofMillis(700));
    hub.watch(PAY, List.of(band("pay", 36, 44)));

    assertThat(hub.acted(PAY)).contains(seen);
    assertThat(hub.acted(PAY)).isEmpty();
  }

  @Test
  void aForgottenPolicyIsNotWokenAndItsQueryIsNoLongerAsked() {
    hub.watch(PAY, List.of(band("pay", 27, 33)));
    hub.forget(PAY);
    answer(20, 40);
    hub.tick();
    assertThat(woken).isEmpty();
    assertThat(prometheus.requests()).isEmpty();
    assertThat(hub.sharedQueries()).isZero();
  }
}
