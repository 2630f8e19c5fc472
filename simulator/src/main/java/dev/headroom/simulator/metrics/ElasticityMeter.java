package dev.headroom.simulator.metrics;

/**
 * Accumulates the provisioning of one policy under one strategy, one simulation step at a time, and
 * turns it into {@link ElasticityMetrics}. Definitions: docs/simulator.md.
 *
 * <p>Per step of length {@code dt}: demand {@code d} = replicas the true rate needs, supply {@code
 * s} = ready replicas, {@code pods} = all pods (ready and starting).
 */
public final class ElasticityMeter {

  /** The ε of the accuracy metrics: one replica, so that zero demand divides by 1. */
  public static final double EPSILON = 1.0;

  private double seconds;
  private double underRelative;
  private double overRelative;
  private double underSeconds;
  private double overSeconds;
  private double unstableSeconds;
  private double firstStep;
  private long supplyChanges;
  private long demandChanges;
  private double podSeconds;
  private double readySeconds;
  private double excessReadySeconds;
  private double requests;
  private double unservedRequests;
  private double budgetLimitedSeconds;
  private boolean started;
  private int previousDemand;
  private int previousSupply;

  /**
   * One step.
   *
   * @param dt step length in seconds
   * @param rate true request rate (per second) during the step
   * @param perReplica requests per second one ready replica serves
   * @param demand replicas the rate needs, {@code ceil(rate / perReplica)}
   * @param supply ready replicas
   * @param pods all pods, ready or starting
   * @param budgetLimited whether the strategy's replicas were capped by a budget
   */
  public void add(
      double dt,
      double rate,
      double perReplica,
      int demand,
      int supply,
      int pods,
      boolean budgetLimited) {
    double divisor = Math.max(demand, EPSILON);
    if (demand > supply) {
      underRelative += (demand - supply) / divisor * dt;
      underSeconds += dt;
    } else if (supply > demand) {
      overRelative += (supply - demand) / divisor * dt;
      overSeconds += dt;
      excessReadySeconds += (supply - demand) * dt;
    }
    if (started) {
      int ds = Integer.signum(supply - previousSupply);
      int dd = Integer.signum(demand - previousDemand);
      if (ds != dd) {
        unstableSeconds += dt;
      }
      if (ds != 0) {
        supplyChanges++;
      }
      if (dd != 0) {
        demandChanges++;
      }
    } else {
      firstStep = dt;
      started = true;
    }
    previousDemand = demand;
    previousSupply = supply;
    seconds += dt;
    podSeconds += (double) pods * dt;
    readySeconds += (double) supply * dt;
    requests += rate * dt;
    unservedRequests += Math.max(0, rate - supply * perReplica) * dt;
    if (budgetLimited) {
      budgetLimitedSeconds += dt;
    }
  }

  /** Adds everything {@code other} has accumulated, as if its steps were this meter's. */
  public void merge(ElasticityMeter other) {
    seconds += other.seconds;
    underRelative += other.underRelative;
    overRelative += other.overRelative;
    underSeconds += other.underSeconds;
    overSeconds += other.overSeconds;
    unstableSeconds += other.unstableSeconds;
    firstStep += other.firstStep;
    supplyChanges += other.supplyChanges;
    demandChanges += other.demandChanges;
    podSeconds += other.podSeconds;
    readySeconds += other.readySeconds;
    excessReadySeconds += other.excessReadySeconds;
    requests += other.requests;
    unservedRequests += other.unservedRequests;
    budgetLimitedSeconds += other.budgetLimitedSeconds;
  }

  public ElasticityMetrics metrics() {
    double t = seconds;
    return new ElasticityMetrics(
        podSeconds / 3600.0,
        underSeconds / 60.0,
        readySeconds == 0 ? 0 : 100.0 * excessReadySeconds / readySeconds,
        t == 0 ? 0 : 100.0 * underRelative / t,
        t == 0 ? 0 : 100.0 * overRelative / t,
        t == 0 ? 0 : 100.0 * underSeconds / t,
        t == 0 ? 0 : 100.0 * overSeconds / t,
        t - firstStep <= 0 ? 0 : 100.0 * unstableSeconds / (t - firstStep),
        t == 0 ? 0 : (supplyChanges - demandChanges) / (t / 3600.0),
        supplyChanges,
        demandChanges,
        requests == 0 ? 0 : 100.0 * unservedRequests / requests,
        budgetLimitedSeconds / 60.0);
  }
}
