package dev.headroom.simulator.metrics;

/**
 * Accumulates the connections one strategy's consumers of a budget may hold, step by step: for each
 * consumer {@code (pods + maxSurge) x pool}, summed (the budget invariant's left side). A breach is
 * a step whose sum exceeds {@code available = maxConnections - reserved}.
 */
public final class BudgetMeter {

  private final long available;
  private long peak;
  private double breachSeconds;
  private long breaches;
  private boolean inBreach;
  private long peakExcess;

  public BudgetMeter(long available) {
    this.available = available;
  }

  public void add(double dt, long connections) {
    peak = Math.max(peak, connections);
    if (connections > available) {
      breachSeconds += dt;
      peakExcess = Math.max(peakExcess, connections - available);
      if (!inBreach) {
        breaches++;
        inBreach = true;
      }
    } else {
      inBreach = false;
    }
  }

  public BudgetMetrics metrics() {
    return new BudgetMetrics(peak, breachSeconds / 60.0, breaches, peakExcess);
  }
}
