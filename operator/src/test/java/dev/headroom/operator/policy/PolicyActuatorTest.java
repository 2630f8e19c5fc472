package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.workload.PodView;
import dev.headroom.operator.workload.ScaleWriter;
import dev.headroom.operator.workload.WorkloadRef;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PolicyActuatorTest {

  /**
   * 1 replica at pool 5 decided to 2 replicas at pool 12 within a grant of 36. Scaling first would
   * start a second pod with pool 5 that the rollout then replaces, and a replaced pod may still be
   * terminating next to the new ones: the fault run saw 4 pods where (replicas + maxSurge) allows
   * 3. The pool goes first; the replicas follow once its rollout is over. (The scale writer has no
   * client here: a scale in this round would fail the test.)
   */
  @Test
  void aLargerPoolRollsOutBeforeMoreReplicasAreAdded() {
    RecordingPoolDelivery delivery = new RecordingPoolDelivery();
    WorkloadSnapshot snap =
        new WorkloadSnapshot(
            new WorkloadRef("shop", "apps/v1", "Deployment", "api"),
            1,
            1,
            "app=api",
            1,
            OptionalInt.of(5),
            List.of(new PodView("api-1", true, false, OptionalInt.of(5))),
            false,
            1,
            "uid-api");

    Actuation first =
        new PolicyActuator(new ScaleWriter(null))
            .apply(
                snap,
                new GenericKubernetesResource(),
                delivery,
                2,
                OptionalInt.of(12),
                OptionalLong.of(36),
                12,
                Optional.empty());

    assertThat(delivery.written).containsExactly(12);
    assertThat(first.replicas()).isEqualTo(1);
    assertThat(first.actions()).containsExactly("pool 5 → 12 (env DB_POOL_SIZE of container app)");
  }

  @Test
  void whileThePoolRollsOutTheReplicasWait() {
    RecordingPoolDelivery delivery = new RecordingPoolDelivery();
    WorkloadSnapshot rolling =
        new WorkloadSnapshot(
            new WorkloadRef("shop", "apps/v1", "Deployment", "api"),
            1,
            1,
            "app=api",
            1,
            OptionalInt.of(12),
            List.of(
                new PodView("api-1", true, false, OptionalInt.of(5)),
                new PodView("api-2", false, false, OptionalInt.of(12))),
            true,
            1,
            "uid-api");

    Actuation next =
        new PolicyActuator(new ScaleWriter(null))
            .apply(
                rolling,
                new GenericKubernetesResource(),
                delivery,
                2,
                OptionalInt.of(12),
                OptionalLong.of(36),
                12,
                Optional.empty());

    assertThat(delivery.written).isEmpty();
    assertThat(next.changed()).isFalse();
    assertThat(next.waiting()).hasValue("waiting for the rollout to finish before growing");
  }
}
