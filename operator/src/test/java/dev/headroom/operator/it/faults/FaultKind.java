package dev.headroom.operator.it.faults;

/** Every fault a fault run can inject, with the name it is reported under. */
public enum FaultKind {
  OPERATOR_KILL("operator kill -9 (both replicas) and restart"),
  OPERATOR_KILL_MID_TRANSITION("operator kill -9 after a shrink was seen, before the grow"),
  LEADER_FAILOVER("leader kill -9, the standby takes the Lease"),
  PROMETHEUS_STOPPED("Prometheus stopped, then restarted"),
  PROMETHEUS_SLOW("Prometheus frozen (SIGSTOP) past the query timeout"),
  PROMETHEUS_NAN("a load signal answering NaN"),
  CLOCK_JUMP_DST("operator clock restarted just before a Europe/Berlin DST change"),
  API_FAULT_WINDOW("window of apiserver faults through the proxy"),
  API_SERVER_ERROR("apiserver 500/503"),
  API_THROTTLE("apiserver 429"),
  API_CONFLICT("apiserver 409 on a status/scale write"),
  API_LATENCY("apiserver latency 0.2-1.5 s"),
  API_DROP_BEFORE("connection dropped before the apiserver saw the request"),
  API_DROP_AFTER("connection dropped after the apiserver acted, answer lost"),
  API_WATCH_CUT("watch stream cut"),
  USER_EDIT_POLICY("user edit of a policy (replicas.max, pool range)"),
  USER_EDIT_BUDGET("user edit of a budget limit"),
  BUDGET_BELOW_USAGE("budget lowered below the connections in use"),
  LOAD_CHANGE("load change");

  private final String description;

  FaultKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Injected by the proxy for one request, not by the run's driver. */
  public boolean perRequest() {
    return name().startsWith("API_") && this != API_FAULT_WINDOW;
  }
}
