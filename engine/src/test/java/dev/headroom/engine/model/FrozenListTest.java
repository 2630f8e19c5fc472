package dev.headroom.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenListTest {

  @Test
  void readsComparesAndHashesLikeListOf() {
    List<String> frozen = FrozenList.own("a", "b", "c");

    assertThat(frozen)
        .containsExactly("a", "b", "c")
        .isEqualTo(List.of("a", "b", "c"))
        .hasSameHashCodeAs(List.of("a", "b", "c"));
    assertThat(List.of("a", "b", "c")).isEqualTo(frozen);
  }

  @Test
  void cannotBeChanged() {
    List<String> frozen = FrozenList.own("a");

    assertThatThrownBy(() -> frozen.add("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNullElementsAsListOfDoes() {
    assertThatThrownBy(() -> FrozenList.own("a", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void recordsKeepAFrozenListAndCopyAnyOther() {
    List<ScaleEvent> frozen = FrozenList.own(new ScaleEvent(1, Instant.EPOCH));
    List<ScaleEvent> mutable = new ArrayList<>(frozen);

    ScalingHistory history = new ScalingHistory(List.of(), frozen, mutable);
    mutable.clear();

    assertThat(history.scaleUpEvents()).isSameAs(frozen);
    assertThat(history.scaleDownEvents()).isNotSameAs(mutable).containsExactlyElementsOf(frozen);
  }
}
