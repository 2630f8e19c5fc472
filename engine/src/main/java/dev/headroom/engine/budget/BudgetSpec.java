package dev.headroom.engine.budget;

/**
 * One ConnectionBudget.
 *
 * @param id {@code namespace/name}
 * @param maxConnections the database's limit, e.g. PostgreSQL {@code max_connections}
 * @param reserved connections kept for superusers, migrations, replication, humans
 * @param allocation how the rest is shared
 */
public record BudgetSpec(
    String id, int maxConnections, int reserved, AllocationStrategy allocation) {

  /** What consumers may hold together: {@code maxConnections - reserved}, never negative. */
  public int available() {
    return Math.max(0, maxConnections - reserved);
  }
}
