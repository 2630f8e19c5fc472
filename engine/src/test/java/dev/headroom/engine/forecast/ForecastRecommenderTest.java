package dev.headroom.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.Seasonality;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ForecastRecommenderTest {

  private static final Instant NOW = Instant.parse("2026-11-30T08:50:00Z");
  private final ForecastRecommender recommender = new ForecastRecommender();

  static ForecastSpec spec(String signal, boolean enabled) {
    return new ForecastSpec(
        enabled,
        Duration.ofDays(14),
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        Seasonality.WEEKLY,
        signal);
  }

  static Forecast ready(double load) {
    return new Forecast(
        ForecastState.READY,
        "test",
        NOW,
        Duration.ofMinutes(5),
        OptionalDouble.of(load),
        NOW.plus(Duration.ofMinutes(20)),
        OptionalDouble.of(load),
        Optional.of(NOW),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        100,
        1.0,
        List.of());
  }

  @Test
  void averageValueDividesThePredictedTotalByTheTarget() {
    PolicySpec p =
        PolicySpec.builder("ns/p", 2, 50)
            .load(LoadSignal.averageValue("rps", 100))
            .forecast(spec(null, true))
            .build();

    assertThat(recommender.replicas(p, ready(1250), 4)).hasValue(13);
  }

  @Test
  void withinTheToleranceTheCurrentReplicasStayAsOnTheReactivePath() {
    PolicySpec p =
        PolicySpec.builder("ns/p", 2, 50)
            .load(LoadSignal.averageValue("rps", 100))
            .forecast(spec(null, true))
            .build();

    assertThat(recommender.replicas(p, ready(1050), 10)).hasValue(10);
  }

  @Test
  void valueSignalsScaleTheReplicasByTheRatio() {
    PolicySpec p =
        PolicySpec.builder("ns/p", 1, 50)
            .load(LoadSignal.value("lag", 1000))
            .forecast(spec(null, true))
            .build();

    // 3000 / 1000 x 4 replicas.
    assertThat(recommender.replicas(p, ready(3000), 4)).hasValue(12);
  }

  @Test
  void podsSignalsTakeTheHistoryAsTheSumOverPods() {
    PolicySpec p =
        PolicySpec.builder("ns/p", 1, 50)
            .load(LoadSignal.pods("inflight", 20))
            .forecast(spec(null, true))
            .build();

    assertThat(recommender.replicas(p, ready(300), 5)).hasValue(15);
  }

  @Test
  void theNamedSignalIsFollowedElseTheFirst() {
    PolicySpec named =
        PolicySpec.builder("ns/p", 1, 50)
            .load(LoadSignal.averageValue("rps", 100))
            .load(LoadSignal.averageValue("queue", 10))
            .forecast(spec("queue", true))
            .build();
    PolicySpec first =
        PolicySpec.builder("ns/p", 1, 50)
            .load(LoadSignal.averageValue("rps", 100))
            .load(LoadSignal.averageValue("queue", 10))
            .forecast(spec(null, true))
            .build();

    assertThat(ForecastRecommender.signal(named)).map(LoadSignal::name).hasValue("queue");
    assertThat(ForecastRecommender.signal(first)).map(LoadSignal::name).hasValue("rps");
    assertThat(recommender.replicas(named, ready(200), 5)).hasValue(20);
  }

  @Test
  void noRecommendationWhenNotReadyDisabledOrTheSignalIsUnknown() {
    PolicySpec p =
        PolicySpec.builder("ns/p", 1, 50)
            .load(LoadSignal.averageValue("rps", 100))
            .forecast(spec(null, true))
            .build();
    PolicySpec disabled =
        PolicySpec.builder("ns/p", 1, 50)
            .load(LoadSignal.averageValue("rps", 100))
            .forecast(spec(null, false))
            .build();
    PolicySpec unknown =
        PolicySpec.builder("ns/p", 1, 50)
            .load(LoadSignal.averageValue("rps", 100))
            .forecast(spec("nope", true))
            .build();
    PolicySpec none =
        PolicySpec.builder("ns/p", 1, 50).load(LoadSignal.averageValue("rps", 100)).build();
    Forecast tooShort =
        Forecast.notReady(
            ForecastState.HISTORY_TOO_SHORT, "short", NOW, Duration.ofMinutes(5), NOW, 3, 1.0);

    assertThat(recommender.replicas(p, tooShort, 3)).isEmpty();
    assertThat(recommender.replicas(p, null, 3)).isEmpty();
    assertThat(recommender.replicas(disabled, ready(1000), 3)).isEmpty();
    assertThat(recommender.replicas(unknown, ready(1000), 3)).isEmpty();
    assertThat(recommender.replicas(none, ready(1000), 3)).isEmpty();
  }
}
