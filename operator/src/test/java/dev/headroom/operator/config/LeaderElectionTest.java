package dev.headroom.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeaderElectionTest {

  @Test
  void aRunningJvmIsNotShuttingDown() {
    assertThat(LeaderElection.shuttingDown()).isFalse();
  }

  @Test
  void identitiesOfTwoProcessesOnOneHostDiffer() {
    assertThat(LeaderElection.identity()).endsWith("-" + ProcessHandle.current().pid());
  }
}
