package dev.headroom.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReasonsTest {

  @Test
  void renderedReasonsAreRenderedOnFirstReadOnceAndReadAsAList() {
    AtomicInteger renders = new AtomicInteger();
    Reason counted = () -> "rendered " + renders.incrementAndGet();
    RenderedReasons reasons = new RenderedReasons(List.of(Reason.of("first"), counted));

    assertThat(renders).hasValue(0);
    assertThat(reasons).containsExactly("first", "rendered 1");
    assertThat(reasons.get(1)).isEqualTo("rendered 1");
    assertThat(renders).hasValue(1);
    assertThat(reasons)
        .isEqualTo(List.of("first", "rendered 1"))
        .hasSameHashCodeAs(List.of("first", "rendered 1"));
  }

  @Test
  void aRecommendationWithALazyReasonEqualsOneWithItsText() {
    AtomicInteger renders = new AtomicInteger();
    Recommendation lazy =
        new Recommendation(
            Source.REACTIVE,
            4,
            () -> {
              renders.incrementAndGet();
              return "reactive: rps 160 / 40 per replica -> 4";
            });
    Recommendation eager =
        new Recommendation(Source.REACTIVE, 4, "reactive: rps 160 / 40 per replica -> 4");

    assertThat(renders).hasValue(0);
    assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
    assertThat(lazy.reason()).isEqualTo(eager.reason());
    assertThat(renders).hasValue(1);
    assertThat(eager.toString())
        .isEqualTo(
            "Recommendation[source=REACTIVE, replicas=4, "
                + "reason=reactive: rps 160 / 40 per replica -> 4]");
  }
}
