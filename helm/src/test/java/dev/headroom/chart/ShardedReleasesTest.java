package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code shard.selector}: one release per shard, each with its own Lease, side by side. */
class ShardedReleasesTest {

  private static final String SHARD_A =
      """
      shard: {selector: "headroom.dev/shard=a"}
      """;
  private static final String SHARD_B =
      """
      shard: {selector: "headroom.dev/shard=b"}
      """;

  @Test
  void unshardedReleaseOwnsEverythingOnTheDefaultLease() {
    assertThat(Chart.templateDefaults().operatorEnv())
        .containsEntry("HEADROOM_LEADER_ELECTION_LEASE_NAME", "headroom-operator")
        .doesNotContainKey("HEADROOM_SHARD_SELECTOR");
  }

  @Test
  void aShardReleasePassesItsSelectorAndLeasesOnItsFullName() {
    assertThat(Chart.templateRelease(SHARD_A, "headroom-a").operatorEnv())
        .containsEntry("HEADROOM_SHARD_SELECTOR", "headroom.dev/shard=a")
        .containsEntry("HEADROOM_LEADER_ELECTION_LEASE_NAME", "headroom-a");
  }

  @Test
  void anExplicitLeaseNameWins() {
    String values = SHARD_A + "leaderElection: {enabled: true, leaseName: shard-a.headroom}\n";

    assertThat(Chart.templateRelease(values, "headroom-a").operatorEnv())
        .containsEntry("HEADROOM_LEADER_ELECTION_LEASE_NAME", "shard-a.headroom");
  }

  @Test
  void twoShardReleasesInOneNamespaceShareNoObjectAndNoLease() {
    Manifest a = Chart.templateRelease(SHARD_A, "headroom-a");
    Manifest b = Chart.templateRelease(SHARD_B, "headroom-b");

    Set<String> common = new HashSet<>(a.kindsAndNames());
    common.retainAll(b.kindsAndNames());
    assertThat(common).isEmpty();
    assertThat(a.operatorEnv().get("HEADROOM_LEADER_ELECTION_LEASE_NAME"))
        .isNotEqualTo(b.operatorEnv().get("HEADROOM_LEADER_ELECTION_LEASE_NAME"));
    assertThat(a.one("PodDisruptionBudget").at("/spec/selector/matchLabels"))
        .isNotEqualTo(b.one("PodDisruptionBudget").at("/spec/selector/matchLabels"));
  }

  @Test
  void aShardOnTheUnshardedLeaseIsRefused() {
    String error =
        Chart.templateError(
            SHARD_A + "leaderElection: {enabled: true, leaseName: headroom-operator}\n");

    assertThat(error)
        .contains(
            "shard.selector is set but leaderElection.leaseName is "
                + "headroom-operator, the Lease of an unsharded operator");
  }

  @Test
  void aShardedReleaseLintsClean() {
    assertThat(Chart.lintWith(SHARD_A).isFailed()).isFalse();
  }
}
