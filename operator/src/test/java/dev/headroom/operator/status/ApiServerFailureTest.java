package dev.headroom.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ApiServerFailureTest {

  @Test
  void noAnswerTooManyRequestsAndServerErrorsAreTheApiServers() {
    assertThat(
            ApiServerFailure.of(new KubernetesClientException("timed out", new TimeoutException())))
        .isTrue();
    assertThat(ApiServerFailure.of(new KubernetesClientException("slow down", 429, null))).isTrue();
    assertThat(ApiServerFailure.of(new KubernetesClientException("etcd is down", 500, null)))
        .isTrue();
    assertThat(
            ApiServerFailure.of(
                new IllegalStateException(
                    "round failed", new KubernetesClientException("unavailable", 503, null))))
        .isTrue();
  }

  @Test
  void aRefusedRequestIsTheResourcesAndIsReported() {
    assertThat(ApiServerFailure.of(new KubernetesClientException("forbidden", 403, null)))
        .isFalse();
    assertThat(ApiServerFailure.of(new KubernetesClientException("conflict", 409, null))).isFalse();
    assertThat(ApiServerFailure.of(new KubernetesClientException("invalid", 422, null))).isFalse();
    assertThat(ApiServerFailure.of(new IllegalArgumentException("a bug"))).isFalse();
  }
}
