package dev.headroom.simulator.report;

import dev.headroom.simulator.sim.StepListener;
import dev.headroom.simulator.sim.StrategyKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code headroom simulate --series FILE}: the replicas of every policy under every strategy as
 * CSV, {@code timestamp,policy,strategy,ready,pods,demand}, one row at the first step and then one
 * whenever ready replicas, pods or demand change (the values hold until the next row), so that a
 * year at 15-second steps stays small.
 */
public final class ReplicaSeriesWriter implements StepListener {

  public static final String HEADER = "timestamp,policy,strategy,ready,pods,demand\n";

  private final Writer out;
  private final List<String> policyIds;
  private final Map<Long, int[]> last = new HashMap<>();

  public ReplicaSeriesWriter(Writer out, List<String> policyIds) {
    this.out = out;
    this.policyIds = List.copyOf(policyIds);
    write(HEADER);
  }

  @Override
  public void step(
      long now,
      long dt,
      int policy,
      StrategyKind kind,
      double rate,
      int demand,
      int ready,
      int pods) {
    long key = (long) policy * StrategyKind.values().length + kind.ordinal();
    int[] previous = last.get(key);
    if (previous != null && previous[0] == ready && previous[1] == pods && previous[2] == demand) {
      return;
    }
    last.put(key, new int[] {ready, pods, demand});
    write(
        Instant.ofEpochSecond(now)
            + ","
            + policyIds.get(policy)
            + ","
            + kind.key()
            + ","
            + ready
            + ","
            + pods
            + ","
            + demand
            + "\n");
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
