package dev.headroom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.port.InMemoryDecisionRecorder;
import dev.headroom.engine.port.InMemoryHistoryStore;
import dev.headroom.engine.port.InMemoryScalingRealizer;
import dev.headroom.engine.port.StaticMetricsSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PolicyLoopTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  final StaticMetricsSource metrics = new StaticMetricsSource();
  final InMemoryScalingRealizer realizer = new InMemoryScalingRealizer();
  final InMemoryDecisionRecorder recorder = new InMemoryDecisionRecorder(10);
  final InMemoryHistoryStore histories = new InMemoryHistoryStore();
  final PolicyLoop loop =
      new PolicyLoop(
          new DecisionEngine(),
          metrics,
          realizer,
          recorder,
          histories,
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void enforcedDecisionsAreAppliedRecordedAndRemembered() {
    PolicySpec spec =
        PolicySpec.builder("shop/api", 1, 30).load(LoadSignal.averageValue("rps", 40)).build();
    metrics.put("shop/api", "rps", SignalSample.value(NOW, 400));

    Decision d = loop.run(spec, 5, 5, OptionalInt.empty(), OptionalInt.empty());

    assertThat(d.desiredReplicas()).isEqualTo(10);
    assertThat(realizer.calls())
        .containsExactly(new InMemoryScalingRealizer.Call("shop/api", "replicas", 10));
    assertThat(recorder.decisions("shop/api")).containsExactly(d);
    assertThat(histories.load("shop/api")).isEqualTo(d.history());
  }

  @Test
  void dryRunIsRecordedButNeverApplied() {
    PolicySpec spec =
        PolicySpec.builder("shop/api", 1, 30)
            .load(LoadSignal.averageValue("rps", 40))
            .mode(Mode.DRY_RUN)
            .build();
    metrics.put("shop/api", "rps", SignalSample.value(NOW, 400));

    Decision d = loop.run(spec, 5, 5, OptionalInt.empty(), OptionalInt.empty());

    assertThat(d.desiredReplicas()).isEqualTo(10);
    assertThat(realizer.calls()).isEmpty();
    assertThat(recorder.decisions("shop/api")).hasSize(1);
  }

  @Test
  void recorderKeepsOnlyTheLastDecisions() {
    InMemoryDecisionRecorder small = new InMemoryDecisionRecorder(2);
    PolicySpec spec =
        PolicySpec.builder("shop/api", 1, 30).load(LoadSignal.averageValue("rps", 40)).build();
    PolicyLoop l =
        new PolicyLoop(
            new DecisionEngine(),
            metrics,
            realizer,
            small,
            histories,
            Clock.fixed(NOW, ZoneOffset.UTC));

    for (int i = 0; i < 3; i++) {
      l.run(spec, 5, 5, OptionalInt.empty(), OptionalInt.empty());
    }

    assertThat(small.decisions("shop/api")).hasSize(2);
  }
}
