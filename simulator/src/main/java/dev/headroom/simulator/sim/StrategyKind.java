package dev.headroom.simulator.sim;

/** The three ways a run scales each policy. */
public enum StrategyKind {
  /** The decision engine with the policy as written: load, capacity, schedules, budget. */
  HEADROOM("headroom", "Headroom"),
  /** HPA v2 on the same metric and target, default behavior, no budget, no schedules. */
  HPA("hpa", "HPA"),
  /** A fixed replica count sized for the trace's peak rate. */
  STATIC_PEAK("static-peak", "static peak");

  private final String key;
  private final String label;

  StrategyKind(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** Key in JSON output. */
  public String key() {
    return key;
  }

  /** Name in tables and charts. */
  public String label() {
    return label;
  }
}
