package dev.headroom.operator.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which ConnectionBudgets and ScalingPolicies this operator owns, and the Lease its replicas elect
 * a leader on. Without a shard selector the operator owns them all and the Lease is {@value
 * #DEFAULT_LEASE_NAME}; a shard must name its own Lease, or two shards would elect one leader
 * between them and the other shard would never run.
 *
 * @param selector the label selector of this shard's budgets and policies; empty: all of them
 * @param leaseName the leader-election Lease of this shard
 */
public record Sharding(Optional<ShardSelector> selector, String leaseName) {

  public static final String DEFAULT_LEASE_NAME = "headroom-operator";
  static final String SELECTOR_SETTING = "headroom.shard.selector (HEADROOM_SHARD_SELECTOR)";
  static final String LEASE_SETTING =
      "headroom.leader-election.lease-name (HEADROOM_LEADER_ELECTION_LEASE_NAME)";
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public static Sharding of(
      Optional<String> selector, Optional<String> leaseName, boolean leaderElection) {
    Optional<ShardSelector> shard = selector.map(s -> ShardSelector.parse(SELECTOR_SETTING, s));
    Optional<String> lease = leaseName.map(String::trim);
    if (lease.isPresent()
        && (lease.get().length() > 253 || !DNS_SUBDOMAIN.matcher(lease.get()).matches())) {
      throw new IllegalArgumentException(
          LEASE_SETTING
              + " is '"
              + leaseName.get()
              + "', not a valid object name (lower-case letters, digits, '-' and '.', at most 253)");
    }
    if (shard.isPresent() && leaderElection && lease.isEmpty()) {
      throw new IllegalArgumentException(
          LEASE_SETTING
              + " must be set when "
              + SELECTOR_SETTING
              + " is: each shard elects its leader on its own Lease, e.g. headroom-operator-a");
    }
    if (shard.isPresent() && lease.filter(DEFAULT_LEASE_NAME::equals).isPresent()) {
      throw new IllegalArgumentException(
          LEASE_SETTING
              + " is '"
              + DEFAULT_LEASE_NAME
              + "', the Lease of an unsharded operator: give shard '"
              + shard.get()
              + "' a Lease of its own, e.g. headroom-operator-a");
    }
    return new Sharding(shard, lease.orElse(DEFAULT_LEASE_NAME));
  }

  public static Sharding of(HeadroomConfig config) {
    return of(
        config.shard().selector(),
        config.leaderElection().leaseName(),
        config.leaderElection().enabled());
  }

  /** The selector for an informer's {@code withLabelSelector}: null when every object is owned. */
  public String labelSelector() {
    return selector.map(ShardSelector::expression).orElse(null);
  }
}
