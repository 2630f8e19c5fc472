package dev.headroom.operator.prometheus;

import static dev.headroom.operator.prometheus.Answers.matrix;
import static dev.headroom.operator.prometheus.Answers.scalar;
import static dev.headroom.operator.prometheus.Answers.success;
import static dev.headroom.operator.prometheus.Answers.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code instantVector} reads, and how a policy picks its series from it. */
class PrometheusVectorQueryTest {

  static final String QUERY = "sum by (namespace, service) (rate(http_requests_total[1m]))";
  static final Instant AT = Instant.ofEpochSecond(Answers.T0);

  FakePrometheus prometheus;
  PrometheusClient client;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    client = new PrometheusClient(PrometheusEndpoint.of(prometheus.url()));
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  static String series(String namespace, String service, String value) {
    return "{\"metric\":{\"namespace\":\""
        + namespace
        + "\",\"service\":\""
        + service
        + "\"},\"value\":["
        + Answers.T0
        + ",\""
        + value
        + "\"]}";
  }

  @Test
  void everySeriesIsKeptWithItsLabelsAndEachPolicyPicksItsOwn() throws Exception {
    prometheus.answer(
        FakePrometheus.json(
            200,
            success(
                "vector",
                "["
                    + series("shop", "cart", "12")
                    + ","
                    + series("shop", "pay", "30.5")
                    + ","
                    + series("blog", "cart", "7")
                    + "]")));

    SeriesSet set = client.instantVector(QUERY, AT, 100);

    assertThat(set.size()).isEqualTo(3);
    assertThat(set.select(Map.of("namespace", "shop", "service", "pay")).value()).isEqualTo(30.5);
    assertThat(set.select(Map.of("namespace", "blog", "service", "cart")).value()).isEqualTo(7);
    assertThat(prometheus.requests()).hasSize(1);
  }

  @Test
  void noMatchingSeriesNamesTheLabels() throws Exception {
    prometheus.answer(
        FakePrometheus.json(200, success("vector", "[" + series("shop", "cart", "1") + "]")));
    SeriesSet set = client.instantVector(QUERY, AT, 100);

    PrometheusException.EmptyResult e =
        catchThrowableOfType(
            PrometheusException.EmptyResult.class,
            () -> set.select(Map.of("namespace", "shop", "service", "search")));

    assertThat(e).hasMessageContaining("no series with {namespace=\"shop\", service=\"search\"}");
  }

  @Test
  void severalMatchingSeriesAreAmbiguous() throws Exception {
    prometheus.answer(
        FakePrometheus.json(
            200,
            success(
                "vector",
                "[" + series("shop", "cart", "1") + "," + series("shop", "pay", "2") + "]")));
    SeriesSet set = client.instantVector(QUERY, AT, 100);

    PrometheusException.AmbiguousResult e =
        catchThrowableOfType(
            PrometheusException.AmbiguousResult.class,
            () -> set.select(Map.of("namespace", "shop")));

    assertThat(e.seriesCount()).isEqualTo(2);
    assertThat(e).hasMessageContaining("2 series with {namespace=\"shop\"}");
  }

  @Test
  void aNotANumberSeriesIsRefusedOnlyForThePolicyThatPicksIt() throws Exception {
    prometheus.answer(
        FakePrometheus.json(
            200,
            success(
                "vector",
                "[" + series("shop", "cart", "NaN") + "," + series("shop", "pay", "3") + "]")));
    SeriesSet set = client.instantVector(QUERY, AT, 100);

    assertThat(set.select(Map.of("service", "pay")).value()).isEqualTo(3);
    assertThat(
            catchThrowableOfType(
                PrometheusException.NotANumber.class, () -> set.select(Map.of("service", "cart"))))
        .isNotNull();
  }

  @Test
  void moreSeriesThanAllowedAreRefused() {
    prometheus.answer(
        FakePrometheus.json(
            200,
            success(
                "vector",
                "["
                    + series("a", "1", "1")
                    + ","
                    + series("a", "2", "1")
                    + ","
                    + series("a", "3", "1")
                    + "]")));

    PrometheusException.TooLarge e =
        catchThrowableOfType(
            PrometheusException.TooLarge.class, () -> client.instantVector(QUERY, AT, 2));

    assertThat(e).hasMessageContaining("more than 2 series (maxSeries)");
  }

  @Test
  void aScalarIsOneSeriesWithoutLabels() throws Exception {
    prometheus.answer(FakePrometheus.json(200, scalar("4")));
    assertThat(client.instantVector("vector(4)", AT, 10).select(Map.of()).value()).isEqualTo(4);
  }

  @Test
  void aRangeVectorIsRefused() {
    prometheus.answer(FakePrometheus.json(200, matrix(values("1", "2"))));
    assertThat(
            catchThrowableOfType(
                PrometheusException.Malformed.class, () -> client.instantVector(QUERY, AT, 10)))
        .hasMessageContaining("range vector");
  }

  static FakePrometheus.Responder vector(String... series) {
    return FakePrometheus.json(200, success("vector", "[" + String.join(",", series) + "]"));
  }

  /** The first answer of the tests that read a second against it. */
  SeriesSet shopAndBlog() throws Exception {
    prometheus.answer(
        vector(
            series("shop", "cart", "12"),
            series("shop", "pay", "30.5"),
            series("blog", "cart", "7")));
    return client.instantVector(QUERY, AT, 100);
  }

  @Test
  void theNextAnswerWithTheSameSeriesReusesTheLabelsAndGivesItsOwnValues() throws Exception {
    SeriesSet first = shopAndBlog();
    assertThat(first.select(Map.of("namespace", "shop", "service", "pay")).value()).isEqualTo(30.5);

    prometheus.answer(
        vector(
            series("shop", "cart", "13"),
            series("shop", "pay", "31"),
            series("blog", "cart", "8")));
    SeriesSet second = client.instantVector(QUERY, AT, 100, first);

    assertThat(second.labelSets()).isSameAs(first.labelSets());
    assertThat(second.select(Map.of("namespace", "shop", "service", "pay")).value()).isEqualTo(31);
    assertThat(second.select(Map.of("namespace", "blog", "service", "cart")).value()).isEqualTo(8);
    assertThat(second.select(Map.of("namespace", "shop", "service", "cart")).value()).isEqualTo(13);
    assertThat(first.select(Map.of("namespace", "shop", "service", "cart")).value()).isEqualTo(12);
  }

  @Test
  void aReorderedOrChangedAnswerIsReadOnItsOwn() throws Exception {
    SeriesSet first = shopAndBlog();
    first.select(Map.of("namespace", "shop", "service", "cart"));

    prometheus.answer(
        vector(
            series("blog", "cart", "8"),
            series("shop", "pay", "31"),
            series("shop", "cart", "13")));
    SeriesSet reordered = client.instantVector(QUERY, AT, 100, first);
    assertThat(reordered.select(Map.of("namespace", "shop", "service", "cart")).value())
        .isEqualTo(13);
    assertThat(reordered.select(Map.of("namespace", "blog", "service", "cart")).value())
        .isEqualTo(8);

    prometheus.answer(
        vector(
            series("blog", "care", "9"),
            series("shop", "pay", "32"),
            series("shop", "cart", "14"),
            series("shop", "search", "2")));
    SeriesSet changed = client.instantVector(QUERY, AT, 100, reordered);
    assertThat(changed.labelSets()).isNotSameAs(first.labelSets());
    assertThat(changed.size()).isEqualTo(4);
    assertThat(changed.select(Map.of("namespace", "blog", "service", "care")).value()).isEqualTo(9);
    assertThat(changed.select(Map.of("namespace", "shop", "service", "search")).value())
        .isEqualTo(2);
    assertThat(changed.select(Map.of("namespace", "shop", "service", "cart")).value())
        .isEqualTo(14);
    assertThat(
            catchThrowableOfType(
                PrometheusException.EmptyResult.class,
                () -> changed.select(Map.of("namespace", "blog", "service", "cart"))))
        .isNotNull();
  }

  @Test
  void aSeriesThatLostALabelIsNotTakenForTheOneThatHadIt() throws Exception {
    prometheus.answer(vector(series("shop", "cart", "12")));
    SeriesSet first = client.instantVector(QUERY, AT, 100);

    prometheus.answer(
        vector("{\"metric\":{\"namespace\":\"shop\"},\"value\":[" + Answers.T0 + ",\"5\"]}"));
    SeriesSet second = client.instantVector(QUERY, AT, 100, first);

    assertThat(second.select(Map.of("namespace", "shop")).value()).isEqualTo(5);
    assertThat(
            catchThrowableOfType(
                PrometheusException.EmptyResult.class,
                () -> second.select(Map.of("namespace", "shop", "service", "cart"))))
        .isNotNull();
  }

  @Test
  void aLabelThatIsNotAStringIsNamedAndANullLabelIsLeftOut() throws Exception {
    prometheus.answer(
        vector(
            "{\"metric\":{\"namespace\":\"shop\",\"service\":7},\"value\":["
                + Answers.T0
                + ",\"5\"]}"));
    assertThat(
            catchThrowableOfType(
                PrometheusException.Malformed.class, () -> client.instantVector(QUERY, AT, 10)))
        .hasMessageContaining("metric label service is not a string");

    prometheus.answer(
        vector(
            "{\"metric\":{\"namespace\":\"shop\",\"service\":null},\"value\":["
                + Answers.T0
                + ",\"5\"]}"));
    assertThat(client.instantVector(QUERY, AT, 10).select(Map.of("namespace", "shop")).value())
        .isEqualTo(5);
  }

  @Test
  void aPickMadeOnceSelectsAsItsLabelsWould() throws Exception {
    SeriesSet set = shopAndBlog();
    SeriesSet.Pick pick = SeriesSet.Pick.of(Map.of("service", "pay", "namespace", "shop"));

    assertThat(pick.names()).containsExactly("namespace", "service");
    assertThat(pick.values()).containsExactly("shop", "pay");
    assertThat(set.select(pick).value()).isEqualTo(30.5);
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () -> new SeriesSet.Pick(java.util.List.of("namespace"), java.util.List.of())))
        .hasMessageContaining("a value for every name");
  }
}
