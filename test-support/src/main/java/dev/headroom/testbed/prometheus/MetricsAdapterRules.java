package dev.headroom.testbed.prometheus;

/**
 * What prometheus-adapter serves: every series whose name starts with {@code headroom_} (the load
 * metrics the test bed, its tests and the demo set) as an external metric of the same name, for any
 * namespace, the sum of the series an HPA's {@code selector} picks. An HPA with {@code type:
 * External} and an {@code AverageValue} target then asks for {@code ceil(sum ÷ target)} replicas,
 * as a ScalingPolicy with the same query and target does.
 */
public final class MetricsAdapterRules {

  public static final String TEXT =
      """
      externalRules:
      - seriesQuery: '{__name__=~"headroom_.+"}'
        resources:
          namespaced: false
        metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>})'
      """;

  private MetricsAdapterRules() {}
}
