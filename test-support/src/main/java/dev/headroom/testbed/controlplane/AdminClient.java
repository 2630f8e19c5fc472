package dev.headroom.testbed.controlplane;

import dev.headroom.testbed.components.Layout;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.BooleanSupplier;

/**
 * The test bed's admin on its API server, signed in with the kubeconfig the control plane wrote,
 * for the steps that start components and wait for the API server to say they are there.
 */
public final class AdminClient {

  private AdminClient() {}

  public static KubernetesClient open(Layout layout) {
    try {
      Config config = Config.fromKubeconfig(Files.readString(layout.kubeconfig()));
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A question to the API server; no answer yet (an error) counts as no. */
  public static boolean answers(BooleanSupplier question) {
    try {
      return question.getAsBoolean();
    } catch (KubernetesClientException e) {
      return false;
    }
  }
}
