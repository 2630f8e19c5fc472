package dev.headroom.simulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForecastReadinessTest {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void alwaysReadyGivesNoNote() {
    ForecastReadiness r =
        ForecastReadiness.none().with(START, true, "ok").with(START.plusSeconds(3600), true, "ok");

    assertThat(r.note("ns/web", START)).isEmpty();
    assertThat(r.forecasts()).isEqualTo(2);
  }

  @Test
  void aYoungHistoryNamesWhenTheForecastBecameReadyAndTheReasonJustBefore() {
    ForecastReadiness r =
        ForecastReadiness.none()
            .with(START, false, "history covers 1h, needs 7d 2h")
            .with(START.plusSeconds(86400), false, "history covers 1d, needs 7d 2h")
            .with(START.plusSeconds(7 * 86400 + 7200), true, "ok");

    assertThat(r.note("ns/web", START))
        .hasValue(
            "ns/web: forecast not ready until"
                + " 2024-01-08T02:00:00Z (7.1 days into the trace; 2 of 3 forecasts not ready):"
                + " history covers 1d, needs 7d 2h");
  }

  @Test
  void aLaterGapIsNamedToo() {
    ForecastReadiness r =
        ForecastReadiness.none()
            .with(START, false, "too short")
            .with(START.plusSeconds(86400), true, "ok")
            .with(START.plusSeconds(2 * 86400), false, "too gappy");

    assertThat(r.note("ns/web", START))
        .get()
        .asString()
        .contains("not ready until 2024-01-02T00:00:00Z")
        .endsWith("; last not ready at 2024-01-03T00:00:00Z: too gappy");
  }

  @Test
  void neverReadySaysTheReactivePathDecided() {
    ForecastReadiness r = ForecastReadiness.none().with(START, false, "no usable samples");

    assertThat(r.note("ns/web", START))
        .hasValue(
            "ns/web: forecast never ready (1 of 1"
                + " forecasts): no usable samples; the reactive path alone decided");
  }
}
