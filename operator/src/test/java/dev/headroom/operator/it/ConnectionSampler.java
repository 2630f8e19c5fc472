package dev.headroom.operator.it;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the live cluster every {@code periodMillis} and records the connections the pods of a
 * namespace may hold: the sum, over every pod that is not finished (terminating ones included), of
 * the pool its own container env says. That is what a database would see.
 */
public final class ConnectionSampler implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final String envName;
  private final long periodMillis;
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong max = new AtomicLong();
  private final AtomicLong maxGapMillis = new AtomicLong();
  private final AtomicLong minReplicas = new AtomicLong(Long.MAX_VALUE);
  private long lastSampleNanos;
  private final AtomicReference<String> maxAt = new AtomicReference<>("");
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  public ConnectionSampler(
      KubernetesClient client, String namespace, String envName, long periodMillis) {
    this.client = client;
    this.namespace = namespace;
    this.envName = envName;
    this.periodMillis = periodMillis;
    this.thread = new Thread(this::loop, "connection-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      long started = System.nanoTime();
      try {
        long total = 0;
        StringBuilder detail = new StringBuilder();
        for (var d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
          minReplicas.accumulateAndGet(d.getSpec().getReplicas(), Math::min);
        }
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
          String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
          if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            continue;
          }
          int pool = poolOf(pod, envName);
          total += pool;
          detail.append(pod.getMetadata().getName()).append('=').append(pool).append(' ');
        }
        long nowNanos = System.nanoTime();
        if (lastSampleNanos != 0) {
          maxGapMillis.accumulateAndGet((nowNanos - lastSampleNanos) / 1_000_000, Math::max);
        }
        lastSampleNanos = nowNanos;
        samples.incrementAndGet();
        if (total > max.get()) {
          max.set(total);
          maxAt.set(detail.toString());
        }
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
      long sleep = periodMillis - (System.nanoTime() - started) / 1_000_000;
      if (sleep > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** The pool the pod's own container env says; what it holds open against the database. */
  public static int poolOf(Pod pod, String envName) {
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getEnv() != null) {
        for (EnvVar var : c.getEnv()) {
          if (envName.equals(var.getName())) {
            return Integer.parseInt(var.getValue());
          }
        }
      }
    }
    throw new IllegalStateException("pod " + pod.getMetadata().getName() + " has no " + envName);
  }

  public long samples() {
    return samples.get();
  }

  /** Fewest replicas any Deployment of the namespace asked for in any sample. */
  public long minReplicas() {
    return minReplicas.get();
  }

  /** Longest time between two completed samples. */
  public long maxGapMillis() {
    return maxGapMillis.get();
  }

  public long max() {
    return max.get();
  }

  /** The pods and pools at the sampled maximum. */
  public String maxDetail() {
    return maxAt.get();
  }

  public Throwable failure() {
    return failure.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
