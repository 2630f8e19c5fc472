package dev.headroom.simulator.sim;

/** One policy's workload under one strategy: its pods and the connection pool each pod opens. */
public final class Workload {

  private final PodSet pods;
  private int pool;
  private boolean budgetLimited;

  public Workload(int replicas, int pool) {
    this.pods = new PodSet(replicas);
    this.pool = pool;
  }

  public PodSet pods() {
    return pods;
  }

  /** The replica count the strategy set (the scale subresource's {@code spec.replicas}). */
  public int replicas() {
    return pods.total();
  }

  public int pool() {
    return pool;
  }

  public void setPool(int pool) {
    this.pool = pool;
  }

  /** Whether the last decision was capped by the budget (Headroom only). */
  public boolean budgetLimited() {
    return budgetLimited;
  }

  public void setBudgetLimited(boolean value) {
    this.budgetLimited = value;
  }
}
