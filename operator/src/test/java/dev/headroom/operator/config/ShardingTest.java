package dev.headroom.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardingTest {

  @Test
  void unshardedOwnsEverythingOnTheDefaultLease() {
    Sharding s = Sharding.of(Optional.empty(), Optional.empty(), true);

    assertThat(s.selector()).isEmpty();
    assertThat(s.labelSelector()).isNull();
    assertThat(s.leaseName()).isEqualTo("headroom-operator");
  }

  @Test
  void aShardUsesItsSelectorAndItsOwnLease() {
    Sharding s = Sharding.of(Optional.of("headroom.dev/shard=a"), Optional.of("headroom-a"), true);

    assertThat(s.labelSelector()).isEqualTo("headroom.dev/shard=a");
    assertThat(s.leaseName()).isEqualTo("headroom-a");
  }

  @Test
  void anUnshardedOperatorMayRenameItsLease() {
    assertThat(Sharding.of(Optional.empty(), Optional.of("team-x.headroom"), true).leaseName())
        .isEqualTo("team-x.headroom");
  }

  @Test
  void aShardWithoutALeaseNameIsRefused() {
    assertThatThrownBy(() -> Sharding.of(Optional.of("shard=a"), Optional.empty(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "headroom.leader-election.lease-name (HEADROOM_LEADER_ELECTION_LEASE_NAME) must be set")
        .hasMessageContaining("headroom.shard.selector");
  }

  @Test
  void aShardOnTheUnshardedLeaseIsRefused() {
    assertThatThrownBy(
            () -> Sharding.of(Optional.of("shard=a"), Optional.of("headroom-operator"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the Lease of an unsharded operator");
  }

  @Test
  void aShardWithoutLeaderElectionNeedsNoLease() {
    assertThat(Sharding.of(Optional.of("shard=a"), Optional.empty(), false).labelSelector())
        .isEqualTo("shard=a");
  }

  @Test
  void anInvalidLeaseNameIsRefused() {
    assertThatThrownBy(() -> Sharding.of(Optional.empty(), Optional.of("Headroom_A"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "headroom.leader-election.lease-name (HEADROOM_LEADER_ELECTION_LEASE_NAME) is 'Headroom_A'");
  }

  @Test
  void anInvalidSelectorIsRefusedNamingItsSetting() {
    assertThatThrownBy(() -> Sharding.of(Optional.of("shard=a,"), Optional.of("headroom-a"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("headroom.shard.selector (HEADROOM_SHARD_SELECTOR) is 'shard=a,'");
  }
}
