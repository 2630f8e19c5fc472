package dev.headroom.operator.it.faults;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches every pod, Deployment and ConnectionBudget labelled for the fault run (informers on the
 * admin connection, which bypasses the fault proxy) and every {@code periodMillis} hands each
 * running scenario the live state of its namespace. Pods count until they are gone: terminating
 * ones included, only Succeeded/Failed ones not.
 */
final class ClusterSampler implements AutoCloseable {

  static final String LABEL = "headroom.dev/fault-run";

  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<ConnectionBudget> budgets;
  private final Set<ScenarioRun> runs = new CopyOnWriteArraySet<>();
  private final long periodMillis;
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong maxGapMillis = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  ClusterSampler(KubernetesClient admin, long periodMillis) {
    this.periodMillis = periodMillis;
    this.pods = admin.pods().inAnyNamespace().withLabel(LABEL).inform();
    this.deployments = admin.apps().deployments().inAnyNamespace().withLabel(LABEL).inform();
    this.budgets =
        admin.resources(ConnectionBudget.class).inAnyNamespace().withLabel(LABEL).inform();
    this.thread = new Thread(this::loop, "cluster-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  void register(ScenarioRun run) {
    runs.add(run);
  }

  void unregister(ScenarioRun run) {
    runs.remove(run);
  }

  private void loop() {
    long last = 0;
    while (running) {
      long started = System.nanoTime();
      try {
        List<Pod> allPods = pods.getStore().list();
        List<Deployment> allDeployments = deployments.getStore().list();
        List<ConnectionBudget> allBudgets = budgets.getStore().list();
        long now = System.currentTimeMillis();
        for (ScenarioRun run : runs) {
          String ns = run.namespace();
          run.sample(
              now,
              allPods.stream().filter(p -> ns.equals(p.getMetadata().getNamespace())).toList(),
              allDeployments.stream()
                  .filter(d -> ns.equals(d.getMetadata().getNamespace()))
                  .toList(),
              allBudgets.stream().filter(b -> ns.equals(b.getMetadata().getNamespace())).toList());
        }
        long end = System.nanoTime();
        if (last != 0 && !runs.isEmpty()) {
          maxGapMillis.accumulateAndGet((end - last) / 1_000_000, Math::max);
        }
        last = runs.isEmpty() ? 0 : end;
        rounds.incrementAndGet();
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

  /** Longest time between two sampling rounds while a scenario was registered. */
  long maxGapMillis() {
    return maxGapMillis.get();
  }

  Throwable failure() {
    return failure.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    pods.close();
    deployments.close();
    budgets.close();
  }
}
