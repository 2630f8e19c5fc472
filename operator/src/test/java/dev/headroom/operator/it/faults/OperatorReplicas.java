package dev.headroom.operator.it.faults;

import dev.headroom.operator.it.OperatorProcess;
import dev.headroom.testbed.TestBed;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two operator replicas with leader election, as the chart runs them, reaching the API server
 * through {@code apiServer}. A supervisor restarts a replica that exited (as the kubelet would),
 * unless the fault driver holds it down. The operator's clock can be moved, always forward: every
 * restart passes {@code HEADROOM_CLOCK_START} so the clock never runs backwards.
 */
public final class OperatorReplicas implements AutoCloseable {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String LEASE = "headroom-operator";

  private final TestBed bed;
  private final KubernetesClient admin;
  private final URI apiServer;
  private final OperatorProcess[] replicas = new OperatorProcess[2];
  private final boolean[] held = new boolean[2];
  private final AtomicInteger starts = new AtomicInteger();
  private final AtomicInteger unexpectedExits = new AtomicInteger();
  private volatile Duration clockOffset;
  private final Thread supervisor;
  private volatile boolean running = true;

  public OperatorReplicas(TestBed bed, KubernetesClient admin, URI apiServer) {
    this.bed = bed;
    this.admin = admin;
    this.apiServer = apiServer;
    this.supervisor = new Thread(this::supervise, "operator-supervisor");
    supervisor.setDaemon(true);
  }

  public OperatorReplicas start() {
    OperatorProcess.install(bed, admin);
    synchronized (this) {
      for (int i = 0; i < 2; i++) {
        replicas[i] = launch(i);
      }
    }
    supervisor.start();
    return this;
  }

  private OperatorProcess launch(int i) {
    Map<String, String> env = new HashMap<>();
    env.put("HEADROOM_LEADER_ELECTION_LEASE_DURATION", "6s");
    env.put("HEADROOM_LEADER_ELECTION_RENEW_DEADLINE", "4s");
    env.put("HEADROOM_LEADER_ELECTION_RETRY_PERIOD", "1s");
    env.put("HEADROOM_PROMETHEUS_TIMEOUT", "1s");
    env.put("HEADROOM_BUDGET_SYNC_PERIOD", "2s");
    env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Duration offset = clockOffset;
    if (offset != null) {
      env.put("HEADROOM_CLOCK_START", Instant.now().plus(offset).toString());
    }
    int n = starts.incrementAndGet();
    for (int attempt = 1; ; attempt++) {
      try {
        return new OperatorProcess(
                bed, admin, env, "fault-run-operator-" + (char) ('a' + i) + "-" + n, apiServer)
            .start();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        // the token request met a busy API server
        if (attempt >= 10) {
          throw e;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void supervise() {
    while (running) {
      synchronized (this) {
        for (int i = 0; i < 2; i++) {
          if (!held[i] && replicas[i] != null && !replicas[i].alive()) {
            unexpectedExits.incrementAndGet();
            replicas[i] = launch(i);
          }
        }
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** kill -9 of both replicas; they come back after {@code down}. */
  public void killAll(Duration down) throws InterruptedException {
    synchronized (this) {
      for (int i = 0; i < 2; i++) {
        held[i] = true;
        replicas[i].kill();
      }
    }
    Thread.sleep(down.toMillis());
    synchronized (this) {
      for (int i = 0; i < 2; i++) {
        replicas[i] = launch(i);
        held[i] = false;
      }
    }
  }

  /**
   * kill -9 of the replica holding the Lease; returns how long until the other replica held it, or
   * null if no replica held the Lease or the other did not take it within {@code within}.
   */
  public Duration killLeader(Duration within) throws InterruptedException {
    int leader = leaderIndex();
    if (leader < 0) {
      return null;
    }
    int other = 1 - leader;
    long started = System.nanoTime();
    synchronized (this) {
      held[leader] = true;
      replicas[leader].kill();
    }
    Duration failover = null;
    long deadline = started + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (leaderIndex() == other) {
        failover = Duration.ofNanos(System.nanoTime() - started);
        break;
      }
      Thread.sleep(200);
    }
    synchronized (this) {
      replicas[leader] = launch(leader);
      held[leader] = false;
    }
    return failover;
  }

  /**
   * Which replica holds the Lease, by the pid in its identity; -1 if none (or the Lease expired).
   */
  public int leaderIndex() {
    Lease lease;
    try {
      lease = admin.leases().inNamespace(OperatorProcess.NAMESPACE).withName(LEASE).get();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      return -1;
    }
    if (lease == null || lease.getSpec() == null || lease.getSpec().getHolderIdentity() == null) {
      return -1;
    }
    String holder = lease.getSpec().getHolderIdentity();
    synchronized (this) {
      for (int i = 0; i < 2; i++) {
        if (replicas[i] != null
            && replicas[i].alive()
            && holder.endsWith("-" + replicas[i].pid())) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * Restarts both replicas with a clock that starts {@code before} ahead of the next Europe/Berlin
   * daylight-saving change after the operator's current time (so always forward).
   */
  public Instant jumpAcrossDst(Duration before) throws InterruptedException {
    Instant virtualNow = clockOffset == null ? Instant.now() : Instant.now().plus(clockOffset);
    Instant change =
        BERLIN.getRules().nextTransition(virtualNow.plus(Duration.ofHours(1))).getInstant();
    Instant start = change.minus(before);
    synchronized (this) {
      for (int i = 0; i < 2; i++) {
        held[i] = true;
        replicas[i].kill();
      }
      clockOffset = Duration.between(Instant.now(), start);
      for (int i = 0; i < 2; i++) {
        replicas[i] = launch(i);
        held[i] = false;
      }
    }
    return change;
  }

  /** Both replicas up (restarting any that is down); call when faults stop. */
  public synchronized void ensureRunning() {
    for (int i = 0; i < 2; i++) {
      held[i] = false;
      if (!replicas[i].alive()) {
        replicas[i] = launch(i);
      }
    }
  }

  /** Replicas that exited without being killed (e.g. after losing the Lease) and were restarted. */
  public int unexpectedExits() {
    return unexpectedExits.get();
  }

  public int starts() {
    return starts.get();
  }

  @Override
  public void close() {
    running = false;
    supervisor.interrupt();
    synchronized (this) {
      for (OperatorProcess p : replicas) {
        if (p != null) {
          p.close();
        }
      }
    }
  }
}
