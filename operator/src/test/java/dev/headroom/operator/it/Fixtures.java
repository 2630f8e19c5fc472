package dev.headroom.operator.it;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Workloads, budgets and policies for the integration tests, written as users would. */
final class Fixtures {

  static final String POOL_ENV = "DB_POOL_SIZE";
  static final String LOAD_METRIC = "headroom_it_load";

  private Fixtures() {}

  /** A web Deployment whose pool size is an env var, rolling one surge pod at a time. */
  static Deployment web(String name, int replicas, int pool) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(1))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withTemplate(podTemplate(name, pool))
        .endSpec()
        .build();
  }

  /** Pods labelled {@code app=name} with one container {@code app}, its pool in an env var. */
  static PodTemplateSpec podTemplate(String name, int pool) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .addNewEnv()
        .withName(POOL_ENV)
        .withValue(Integer.toString(pool))
        .endEnv()
        .endContainer()
        .endSpec()
        .build();
  }

  static ConnectionBudget budget(String name, int max, int reserved) {
    return Serialization.unmarshal(
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: %s}
        spec: {maxConnections: %d, reserved: %d, allocation: Proportional}
        """
            .formatted(name, max, reserved),
        ConnectionBudget.class);
  }

  /** A policy on {@code load{ns,app}} at 10 per replica and no budget. */
  static ScalingPolicy plainPolicy(String name, String namespace, String mode) {
    ScalingPolicy policy = policy(name, namespace, "unused", mode);
    policy.getSpec().setConnections(null);
    return policy;
  }

  /** A policy on {@code load{ns,app}} at 10 per replica, pool 5-20 from {@code budget}. */
  static ScalingPolicy policy(String name, String namespace, String budget, String mode) {
    return Serialization.unmarshal(
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: %1$s}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: %1$s}
          mode: %4$s
          replicas: {min: 1, max: 40}
          load:
            signals:
            - {name: load, query: '%5$s{ns="%2$s",app="%1$s"}', type: AverageValue, target: 10}
          connections:
            budgetRef: {name: %3$s}
            poolSize: {min: 5, max: 20}
            delivery: {type: Env, container: app, envName: %6$s}
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 0
              policies: [{type: Percent, value: 1000, periodSeconds: 1}]
            scaleDown:
              stabilizationWindowSeconds: 3
              policies: [{type: Percent, value: 100, periodSeconds: 1}]
        """
            .formatted(name, namespace, budget, mode, LOAD_METRIC, POOL_ENV),
        ScalingPolicy.class);
  }
}
