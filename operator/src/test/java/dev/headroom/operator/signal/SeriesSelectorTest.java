package dev.headroom.operator.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesSelectorTest {

  @Test
  void aSingleSeriesQueryKeepsTheSharedQueryWhereItsLabelsMatch() {
    SeriesSelector s =
        new SeriesSelector("sum by (ns, svc) (rate(x[1m]))", Map.of("svc", "cart", "ns", "shop"));
    assertThat(s.singleSeriesQuery())
        .isEqualTo(
            "(sum by (ns, svc) (rate(x[1m]))) and on(ns, svc) "
                + "label_replace(label_replace(vector(1), \"ns\", \"shop\", \"\", \"\"), \"svc\", \"cart\", \"\", \"\")");
  }

  @Test
  void labelValuesAreEscapedInThePromql() {
    SeriesSelector s = new SeriesSelector("q", Map.of("path", "a\"b\\c"));
    assertThat(s.singleSeriesQuery()).contains("\"path\", \"a\\\"b\\\\c\"");
  }

  @Test
  void withoutLabelsTheQueryIsItself() {
    assertThat(new SeriesSelector("sum(up)", null).singleSeriesQuery()).isEqualTo("sum(up)");
  }
}
