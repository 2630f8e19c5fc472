package dev.headroom.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.ConcurrencySignal;
import dev.headroom.engine.model.ResourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityModelTest {

  static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
  private final CapacityModel model = new CapacityModel();

  private static Optional<ConcurrencySample> sample(double rate, double latency) {
    return Optional.of(new ConcurrencySample(T, rate, latency));
  }

  @Test
  void threadsLimitInFlightPerReplica() {
    // 400 req/s x 0.5 s (p99) = 200 in flight; 50 threads at 80% = 40 per replica -> 5.
    var rec =
        model.recommend(
            ConcurrencySignal.of("checkout"),
            List.of(Capacity.of(ResourceKind.THREADS, 50, 0.8)),
            sample(400, 0.5));

    assertThat(rec).isPresent();
    assertThat(rec.get().inFlight()).isEqualTo(200.0);
    assertThat(rec.get().perReplica()).isEqualTo(40.0);
    assertThat(rec.get().replicas()).isEqualTo(5);
    assertThat(rec.get().limitingResource()).isEqualTo("threads");
    assertThat(rec.get().reason())
        .isEqualTo(
            "capacity: 400 req/s x 0.50 s = 200 in flight / 40 per replica"
                + " (threads 50 at 80%) -> 5");
  }

  @Test
  void theScarcestResourceDecides() {
    // threads: 200 x 1.0 = 200 per replica; memory: 2048 MiB / 64 MiB x 0.75 = 24 per replica.
    var rec =
        model.recommend(
            ConcurrencySignal.of("api"),
            List.of(
                Capacity.of(ResourceKind.THREADS, 200, 1.0),
                Capacity.perRequest(ResourceKind.MEMORY, 2048, 64, 0.75)),
            sample(100, 1.0));

    assertThat(rec.get().limitingResource()).isEqualTo("memory");
    assertThat(rec.get().perReplica()).isEqualTo(24.0);
    assertThat(rec.get().replicas()).isEqualTo(5); // 100 / 24 = 4.17
  }

  @Test
  void exactMultiplesDoNotRoundUpOnFloatingNoise() {
    // 0.1 x 30 = 3.0000000000000004 in floating point; 3 in flight at 1 per replica is 3.
    var rec =
        model.recommend(
            ConcurrencySignal.of("api"),
            List.of(Capacity.of(ResourceKind.CUSTOM, 1, 1.0)),
            sample(30, 0.1));

    assertThat(rec.get().replicas()).isEqualTo(3);
  }

  @Test
  void withoutCapacityTheSignalsOwnTargetIsUsed() {
    var rec = model.recommend(ConcurrencySignal.withTarget("api", 12), List.of(), sample(60, 1.0));

    assertThat(rec.get().replicas()).isEqualTo(5);
    assertThat(rec.get().limitingResource()).isEqualTo("target");
  }

  @Test
  void nothingToComputeWithGivesNoRecommendation() {
    assertThat(model.recommend(ConcurrencySignal.of("api"), List.of(), sample(60, 1.0))).isEmpty();
    assertThat(
            model.recommend(
                ConcurrencySignal.of("api"),
                List.of(Capacity.of(ResourceKind.CPU, 4, 0.5)),
                Optional.empty()))
        .isEmpty();
    assertThat(
            model.recommend(
                ConcurrencySignal.of("api"),
                List.of(Capacity.of(ResourceKind.CPU, 4, 0.5)),
                sample(Double.NaN, 1.0)))
        .isEmpty();
  }

  @Test
  void noLoadNeedsNoReplicas() {
    var rec =
        model.recommend(
            ConcurrencySignal.of("api"),
            List.of(Capacity.of(ResourceKind.CPU, 4, 0.5)),
            sample(0, 1));

    assertThat(rec.get().replicas()).isZero();
  }
}
