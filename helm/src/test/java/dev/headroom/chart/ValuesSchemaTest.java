package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * values.schema.json turns bad values into a failed {@code helm install}/{@code helm template}
 * whose message names the value and what is wrong with it.
 */
class ValuesSchemaTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad(
            "replicas of the wrong type",
            "replicas: two",
            "at '/replicas': got string, want integer"),
        bad(
            "replicas as a quoted number",
            "replicas: \"2\"",
            "at '/replicas': got string, want integer"),
        bad("negative replicas", "replicas: -1", "at '/replicas': minimum: got -1, want 0"),
        bad(
            "unknown top-level key",
            "replica: 2",
            "at '': additional properties 'replica' not allowed"),
        bad(
            "unknown nested key",
            "image: {name: headroom}",
            "at '/image': additional properties 'name' not allowed"),
        bad(
            "image pull policy outside its enum",
            "image: {pullPolicy: Sometimes}",
            "at '/image/pullPolicy': value must be one of 'Always', 'IfNotPresent', 'Never'"),
        bad(
            "image repository with a tag in it",
            "image: {repository: \"ghcr.io/x/headroom:1.0\"}",
            "at '/image/repository': 'ghcr.io/x/headroom:1.0' does not match pattern"),
        bad(
            "image digest that is not sha256",
            "image: {digest: latest}",
            "at '/image/digest': 'latest' does not match pattern"),
        bad(
            "watchNamespaces not a list",
            "watchNamespaces: team-a",
            "at '/watchNamespaces': got string, want array"),
        bad(
            "watchNamespaces with an invalid name",
            "watchNamespaces: [Team_A]",
            "at '/watchNamespaces/0': 'Team_A' does not match pattern"),
        bad(
            "watchNamespaces with a duplicate",
            "watchNamespaces: [team-a, team-a]",
            "at '/watchNamespaces': items at 0 and 1 are equal"),
        bad(
            "leader election flag as a string",
            "leaderElection: {enabled: \"yes\"}",
            "at '/leaderElection/enabled': got string, want boolean"),
        bad(
            "Lease name with capitals",
            "leaderElection: {enabled: true, leaseName: Headroom_A}",
            "at '/leaderElection/leaseName': 'Headroom_A' does not match pattern"),
        bad(
            "shard selector on two lines",
            "shard: {selector: \"a=b\\nc=d\"}",
            "at '/shard/selector'"),
        bad(
            "unknown shard key",
            "shard: {label: a}",
            "at '/shard': additional properties 'label' not allowed"),
        bad(
            "Prometheus URL without a scheme",
            "prometheus: {url: \"prometheus:9090\"}",
            "at '/prometheus/url': 'prometheus:9090' does not match pattern"),
        bad(
            "Prometheus timeout in words",
            "prometheus: {timeout: 5 seconds}",
            "at '/prometheus/timeout': '5 seconds' does not match pattern"),
        bad(
            "sync period as ISO-8601",
            "syncPeriod: PT15S",
            "at '/syncPeriod': 'PT15S' does not match pattern"),
        bad(
            "log level outside its enum",
            "logLevel: VERBOSE",
            "at '/logLevel': value must be one of 'TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'"),
        bad(
            "service port out of range",
            "service: {port: 70000}",
            "at '/service/port': maximum: got 70,000, want 65,535"),
        bad(
            "probe period of zero",
            "probes: {liveness: {periodSeconds: 0}}",
            "at '/probes/liveness/periodSeconds': minimum: got 0, want 1"),
        bad(
            "resources with a malformed quantity",
            "resources: {limits: {memory: 512MB}}",
            "at '/resources/limits/memory'"),
        bad(
            "unknown resource name",
            "resources: {limits: {gpu: 1}}",
            "at '/resources/limits': additional properties 'gpu' not allowed"),
        bad(
            "seccomp profile type outside its enum",
            "securityContext: {seccompProfile: {type: Default}}",
            "at '/securityContext/seccompProfile/type': value must be one of 'RuntimeDefault', "
                + "'Localhost', 'Unconfined'"),
        bad(
            "anti-affinity preset outside its enum",
            "podAntiAffinity: always",
            "at '/podAntiAffinity': value must be one of 'soft', 'hard', 'none'"),
        bad(
            "PDB maxUnavailable as a word",
            "podDisruptionBudget: {maxUnavailable: one}",
            "at '/podDisruptionBudget/maxUnavailable'"),
        bad(
            "ServiceMonitor interval without a unit",
            "serviceMonitor: {interval: 30}",
            "at '/serviceMonitor/interval': got number, want string"),
        bad(
            "alert duration in words",
            "prometheusRule: {alerts: {metricsUnavailable: {for: ten minutes}}}",
            "at '/prometheusRule/alerts/metricsUnavailable/for': 'ten minutes' does not match"),
        bad(
            "extraEnv entry without a name",
            "extraEnv: [{value: x}]",
            "at '/extraEnv/0': missing property 'name'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void rejectedWithTheSchemasMessage(String name, String values, String message) {
    String error = Chart.templateError(values + "\n");

    assertThat(error)
        .startsWith(
            "values don't meet the specifications of the schema(s) " + "in the following chart(s):")
        .contains("headroom:")
        .contains(message);
  }

  private static Arguments bad(String name, String values, String message) {
    return Arguments.of(name, values, message);
  }
}
