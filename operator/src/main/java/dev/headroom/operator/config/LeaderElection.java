package dev.headroom.operator.config;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jboss.logging.Logger;

/**
 * Leader election on a Lease, so that two or more operator replicas never reconcile at once; a
 * shard's replicas elect theirs on the shard's own Lease (see Sharding). The identity is host and
 * process, so two operators on one machine are told apart too.
 */
public class LeaderElection {

  private static final Logger LOG = Logger.getLogger(LeaderElection.class);

  /** Null (no leader election) when {@code headroom.leader-election.enabled=false}. */
  @Produces
  @Dependent
  LeaderElectionConfiguration leaderElection(HeadroomConfig config, Sharding sharding) {
    if (!config.leaderElection().enabled()) {
      return null;
    }
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(sharding.leaseName())
        .withLeaseNamespace(config.leaderElection().namespace())
        .withIdentity(identity())
        .withLeaseDuration(config.leaderElection().leaseDuration())
        .withRenewDeadline(config.leaderElection().renewDeadline())
        .withRetryPeriod(config.leaderElection().retryPeriod())
        // JOSDK would call System.exit from the shutdown hook that stops leading, which
        // deadlocks the JVM on SIGTERM; exit here instead, and only when leadership is lost.
        .withExitOnStopLeading(false)
        .withLeaderCallbacks(
            new LeaderCallbacks(
                () -> LOG.info("leading: reconciling from now on"),
                LeaderElection::stoppedLeading,
                leader -> LOG.infof("leader is %s", leader)))
        .build();
  }

  /**
   * A replica that lost its Lease must stop acting at once, so that two never reconcile together:
   * it exits and Kubernetes restarts it as a follower. Stopping because the JVM is shutting down
   * anyway needs nothing more.
   */
  static void stoppedLeading() {
    if (shuttingDown()) {
      LOG.info("stopped leading: shutting down");
      return;
    }
    LOG.error("lost the leader Lease: exiting so that only the new leader acts");
    new Thread(() -> System.exit(1), "exit-after-losing-lease").start();
  }

  /** The JVM refuses new shutdown hooks once shutdown has begun. */
  static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
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
