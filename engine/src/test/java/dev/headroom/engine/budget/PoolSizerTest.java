package dev.headroom.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolSizerTest {

  private final PoolSizer sizer = new PoolSizer();

  @Test
  void grantSpreadOverReplicasAndSurge() {
    // 180 / (8 + 1) = 20 per replica.
    PoolSize size = sizer.size(180, 8, 5, 25, 1);

    assertThat(size.replicas()).isEqualTo(8);
    assertThat(size.pool()).isEqualTo(20);
    assertThat(size.budgetLimited()).isFalse();
    assertThat(size.reason()).isEqualTo("180 connections -> 8 replicas x pool 20 (+1 surge)");
  }

  @Test
  void poolIsCappedAtPoolMax() {
    PoolSize size = sizer.size(1000, 4, 5, 25, 0);

    assertThat(size.pool()).isEqualTo(25);
    assertThat(size.footprint(0)).isEqualTo(100);
  }

  @Test
  void whenPoolMinDoesNotFitReplicasAreCapped() {
    // 40 connections, pool min 5, surge 1: floor(40/5) - 1 = 7 replicas of 12 desired.
    PoolSize size = sizer.size(40, 12, 5, 25, 1);

    assertThat(size.replicas()).isEqualTo(7);
    assertThat(size.pool()).isEqualTo(5);
    assertThat(size.budgetLimited()).isTrue();
    assertThat(size.footprint(1)).isLessThanOrEqualTo(40);
    assertThat(size.reason())
        .isEqualTo("40 connections fit 7 of 12 desired replicas at pool 5 (+1 surge): capped to 7");
  }

  @Test
  void aGrantBelowOneReplicaCapsToZero() {
    PoolSize size = sizer.size(9, 3, 5, 25, 1);

    assertThat(size.replicas()).isZero();
    assertThat(size.budgetLimited()).isTrue();
    assertThat(size.footprint(1)).isZero();
  }

  @Test
  void zeroDesiredReplicasHoldNothing() {
    PoolSize size = sizer.size(0, 0, 5, 25, 1);

    assertThat(size.replicas()).isZero();
    assertThat(size.budgetLimited()).isFalse();
  }
}
