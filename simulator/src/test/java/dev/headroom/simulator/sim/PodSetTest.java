package dev.headroom.simulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodSetTest {

  @Test
  void newPodsServeAfterTheStartupDelay() {
    PodSet pods = new PodSet(2);
    pods.scaleTo(5, 100, 30);
    assertThat(pods.total()).isEqualTo(5);
    assertThat(pods.promote(129)).isEqualTo(2);
    assertThat(pods.promote(130)).isEqualTo(5);
  }

  @Test
  void scaleDownRemovesStartingPodsNewestFirst() {
    PodSet pods = new PodSet(2);
    pods.scaleTo(4, 100, 30); // ready at 130
    pods.scaleTo(7, 110, 30); // ready at 140
    pods.scaleTo(3, 120, 30); // removes the 3 of 140 and 1 of 130
    assertThat(pods.total()).isEqualTo(3);
    assertThat(pods.promote(135)).isEqualTo(3);
    pods.scaleTo(1, 150, 30); // then ready pods
    assertThat(pods.total()).isEqualTo(1);
    assertThat(pods.promote(200)).isEqualTo(1);
  }

  @Test
  void zeroStartupIsReadyAtOnce() {
    PodSet pods = new PodSet(0);
    pods.scaleTo(3, 10, 0);
    assertThat(pods.ready()).isEqualTo(3);
  }
}
