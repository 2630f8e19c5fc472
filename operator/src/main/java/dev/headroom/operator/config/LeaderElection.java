package dev.headroom.operator.config;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.Dependent;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Leader election on a Lease, so that two or more operator replicas never reconcile at once.
 * The identity is host and process, so two operators on one machine are told apart too.
 */
public class LeaderElection {

  public static final String LEASE_NAME = "headroom-operator";

  /** Null (no leader election) when {@code headroom.leader-election.enabled=false}. */
  @Produces
  @Dependent
  LeaderElectionConfiguration leaderElection(HeadroomConfig config) {
    if (!config.leaderElection().enabled()) {
      return null;
    }
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
        .withLeaseNamespace(config.leaderElection().namespace())
        .withIdentity(identity())
        .withLeaseDuration(config.leaderElection().leaseDuration())
        .withRenewDeadline(config.leaderElection().renewDeadline())
        .withRetryPeriod(config.leaderElection().retryPeriod())
        .build();
  }

  static String identity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
