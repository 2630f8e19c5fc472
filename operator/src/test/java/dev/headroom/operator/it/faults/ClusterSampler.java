package dev.headroom.operator.it.faults;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Set;

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
  private final SamplingLoop loop;

  ClusterSampler(KubernetesClient admin, long periodMillis) {
    this.pods = admin.pods().inAnyNamespace().withLabel(LABEL).inform();
    this.deployments = admin.apps().deployments().inAnyNamespace().withLabel(LABEL).inform();
    this.budgets =
        admin.resources(ConnectionBudget.class).inAnyNamespace().withLabel(LABEL).inform();
    this.loop = new SamplingLoop("cluster-sampler", periodMillis, false, this::sample);
    loop.start();
  }

  void register(ScenarioRun run) {
    loop.register(run);
  }

  void unregister(ScenarioRun run) {
    loop.unregister(run);
  }

  private void sample(Set<ScenarioRun> runs) {
    List<Pod> allPods = pods.getStore().list();
    List<Deployment> allDeployments = deployments.getStore().list();
    List<ConnectionBudget> allBudgets = budgets.getStore().list();
    long now = System.currentTimeMillis();
    for (ScenarioRun run : runs) {
      String ns = run.namespace();
      run.sample(
          now,
          allPods.stream().filter(p -> ns.equals(p.getMetadata().getNamespace())).toList(),
          allDeployments.stream().filter(d -> ns.equals(d.getMetadata().getNamespace())).toList(),
          allBudgets.stream().filter(b -> ns.equals(b.getMetadata().getNamespace())).toList());
    }
  }

  /** Longest time between two sampling rounds while a scenario was registered. */
  long maxGapMillis() {
    return loop.maxGapMillis();
  }

  Throwable failure() {
    return loop.failure();
  }

  @Override
  public void close() {
    loop.close();
    pods.close();
    deployments.close();
    budgets.close();
  }
}
