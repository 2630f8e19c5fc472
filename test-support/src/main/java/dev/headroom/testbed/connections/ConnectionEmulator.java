package dev.headroom.testbed.connections;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The test bed's connection emulator: kwok pods run nothing, so this process opens, for every
 * Running pod that carries the selector label, the pod's pool of real connections to the test bed's
 * PostgreSQL, and closes them when the pod goes (after the exit delay). It watches pods with a
 * Fabric8 informer: a watch sees a pod start or terminate within milliseconds, where polling would
 * lag by its period and cost a process per poll. {@code scripts/testbed connections} starts it; see
 * docs/development.md.
 */
public final class ConnectionEmulator {

  private ConnectionEmulator() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    EmulatorOptions options;
    try {
      options = EmulatorOptions.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println("connection emulator: " + e.getMessage());
      System.exit(2);
      return;
    }
    Config config = Config.fromKubeconfig(Files.readString(options.kubeconfig()));
    CountDownLatch stop = new CountDownLatch(1);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        PodConnections connections = new PodConnections(options, ConnectionEmulator::log)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stop.countDown();
                    connections.close();
                  }));
      SharedIndexInformer<Pod> informer =
          client
              .pods()
              .inAnyNamespace()
              .withLabel(options.selectorKey(), options.selectorValue())
              .inform(connections, 0);
      informer.start().toCompletableFuture().join();
      log(
          "watching pods "
              + options.selector()
              + "; exit delay "
              + options.exitDelay().toMillis()
              + " ms; connecting to the URL in "
              + options.urlEnv()
              + ", else "
              + options.jdbcUrl()
              + ", as the role in "
              + options.userEnv()
              + ", else "
              + options.user());
      String last = "";
      while (!stop.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
        String now = connections.summary();
        if (!now.equals(last)) {
          log(now);
          last = now;
        }
      }
    }
  }

  private static void log(String line) {
    System.out.println(Instant.now() + " " + line);
    System.out.flush();
  }
}
