package dev.headroom.operator.config;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The operator's Kubernetes client: Quarkus' configuration and JSON mapping, over the JDK's HTTP
 * client, which speaks HTTP/2 to the API server as client-go does (every request a stream of one
 * long-lived connection). Fabric8's Vert.x client, the Quarkus default, turns ALPN off and so
 * speaks HTTP/1.1: each request in flight needs a connection of its own, and idle ones close after
 * a minute, so a burst after a calm spell (50 policies scaling at once: 50 scale patches, 50 status
 * writes) first opened dozens of TLS connections, on the operator and on the API server, and its
 * last patch left more than a second after the first. Replaces the Quarkus extension's default.
 */
@Singleton
public class KubernetesClientProducer {

  @Produces
  @Singleton
  KubernetesClient kubernetesClient(KubernetesSerialization serialization, Config config) {
    return new KubernetesClientBuilder()
        .withKubernetesSerialization(serialization)
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  void close(@Disposes KubernetesClient client) {
    client.close();
  }
}
