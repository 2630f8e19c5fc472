package dev.headroom.operator.api.v1alpha1;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A budget status is compared as a value before it is written (a status with 1,000 consumers is not
 * serialized twice a round to find it unchanged): two statuses are equal exactly when their JSON
 * is, and a copy is equal and independent.
 */
class BudgetStatusValuesTest {

  /** A random status from a seed; small ranges so that two statuses are often (partly) equal. */
  static ConnectionBudgetStatus status(long seed) {
    Random r = new Random(seed);
    ConnectionBudgetStatus s = new ConnectionBudgetStatus();
    s.setObservedGeneration(r.nextBoolean() ? (long) r.nextInt(2) : null);
    s.setAvailable(r.nextInt(2) * 100);
    s.setAllocated(r.nextBoolean() ? r.nextInt(2) * 50 : null);
    s.setHeadroom(r.nextBoolean() ? 10 : null);
    s.setInUseBound(r.nextBoolean() ? (long) r.nextInt(2) : null);
    s.setMaxConnections(r.nextBoolean() ? 200 : null);
    s.setObservedConnections(r.nextBoolean() ? r.nextInt(2) : null);
    s.setUnattributedConnections(r.nextBoolean() ? 0 : null);
    s.setConsumerCount(r.nextInt(3));
    if (r.nextBoolean()) {
      s.getConditions()
          .add(
              new ConditionBuilder()
                  .withType("Ready")
                  .withStatus(r.nextBoolean() ? "True" : "False")
                  .withMessage("ok")
                  .build());
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      ConsumerGrant g = new ConsumerGrant();
      g.setPolicy("shop/web-" + r.nextInt(2));
      g.setPriority(r.nextBoolean() ? 1 : null);
      g.setMinimum(r.nextInt(2));
      g.setDemand(r.nextInt(2) * 20);
      g.setGrant(r.nextInt(2) * 20);
      g.setGrantSeq(r.nextBoolean() ? (long) r.nextInt(2) : null);
      g.setHeld(r.nextBoolean() ? 20L : null);
      g.setTarget(r.nextInt(2) * 20);
      g.setInUseBound(r.nextBoolean() ? 40L : null);
      g.setReplicas(r.nextInt(2) + 1);
      g.setPoolSize(r.nextBoolean() ? 10 : null);
      g.setMaxSurge(r.nextInt(2));
      g.setPhase(r.nextBoolean() ? ConsumerPhase.STABLE : ConsumerPhase.GROWING);
      s.getConsumers().add(g);
    }
    return s;
  }

  /** Fixed seeds, so that a failure is reproduced by its seed. */
  static LongStream seeds() {
    return new Random(20261206).longs(1000);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalExactlyWhenTheirJsonIs(long a) {
    JsonValues.equalExactlyWhenTheirJsonIs(
        status(a), List.of(status(a % 16), status(a >>> 60), status(a)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aCopyIsEqualAndIndependent(long seed) {
    JsonValues.aCopyIsEqualAndIndependent(
        status(seed),
        ConnectionBudgetStatus::copy,
        copy -> {
          copy.getConditions().add(new ConditionBuilder().withType("X").build());
          copy.getConsumers().forEach(g -> g.setGrant(999));
          copy.getConsumers().add(new ConsumerGrant());
        });
  }
}
