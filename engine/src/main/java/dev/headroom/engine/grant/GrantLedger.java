package dev.headroom.engine.grant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves published grants toward the allocator's targets without ever letting the connections
 * consumers may hold exceed the budget, even while they act on grants they read a moment ago.
 *
 * <p>For each consumer the ledger keeps {@code held}: the most it may be using. A consumer may be
 * acting on any grant issued since the last one it acknowledged, and its pods may still hold more
 * than its grant while they come down; so until it acknowledges the current grant, {@code held}
 * only rises (max of the previous held, the grant, and its reported bound), and once it has, {@code
 * held = max(grant, inUseBound)}. One step:
 *
 * <ol>
 *   <li>Shrinks are issued at once (the consumer must come down to them).
 *   <li>Grows are issued only from what the consumer already holds plus {@code available − Σ held},
 *       in serving order, and only when every consumer has reported a bound (fail static: unknown
 *       usage blocks grows).
 * </ol>
 *
 * Hence {@code Σ held ≤ available} holds after every step that started with it, and real usage
 * never exceeds {@code Σ held}. The ledger is a pure function of its inputs.
 *
 * <p>Given connections measured on the server, the ledger also checks the model against reality
 * ({@link MeasuredUsage}): while more are measured than {@code Σ held} (or the measurement asked
 * for failed), no grant grows, and the unattributed excess counts against what is left to grant.
 */
public final class GrantLedger {

  private GrantLedger() {}

  public static List<LedgerStep> step(long available, List<LedgerEntry> entries) {
    return step(available, entries, Measurement.none());
  }

  /**
   * One step, checked against the connections {@code measured} in use on the server (see {@link
   * MeasuredUsage}); with {@link Measurement#none()} it is {@link #step(long, List)}.
   */
  public static List<LedgerStep> step(
      long available, List<LedgerEntry> entries, Measurement measured) {
    Map<String, long[]> next = new LinkedHashMap<>(); // id -> {issued, seq, held}
    List<LedgerEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(LedgerEntry::order).thenComparing(LedgerEntry::id));
    boolean allReported = true;
    for (LedgerEntry e : sorted) {
      long issued = e.issued();
      long seq = e.issuedSeq();
      if (e.target() < issued) {
        issued = e.target();
        seq++;
      }
      next.put(e.id(), new long[] {issued, seq, held(e, issued, seq)});
      allReported &= e.inUseBound().isPresent();
    }
    long modelled = next.values().stream().mapToLong(v -> v[2]).sum();
    MeasuredUsage usage = new MeasuredUsage(modelled, measured);
    long room = available - modelled - usage.unattributed();
    for (LedgerEntry e : sorted) {
      long[] v = next.get(e.id());
      long want = e.target() - v[0];
      long alreadyHeld = Math.max(0, v[2] - v[0]);
      if (want <= 0 || !allReported || !usage.allowsGrowth() || room + alreadyHeld <= 0) {
        continue;
      }
      long give = Math.min(want, room + alreadyHeld);
      long heldBefore = v[2];
      v[0] += give;
      v[1]++;
      v[2] = Math.max(v[2], v[0]);
      room -= v[2] - heldBefore;
    }
    List<LedgerStep> steps = new ArrayList<>();
    for (LedgerEntry e : entries) {
      long[] v = next.get(e.id());
      steps.add(new LedgerStep(e.id(), v[0], v[1], v[2], phase(e, v)));
    }
    return steps;
  }

  private static long held(LedgerEntry e, long issued, long seq) {
    long bound = e.inUseBound().orElse(0);
    if (e.acknowledged(seq)) {
      return Math.max(issued, bound);
    }
    return Math.max(Math.max(e.held(), e.issued()), Math.max(issued, bound));
  }

  private static LedgerStep.Phase phase(LedgerEntry e, long[] v) {
    if (v[0] > e.issued()) {
      return LedgerStep.Phase.GROWING;
    }
    if (v[2] > v[0]) {
      return LedgerStep.Phase.SHRINKING;
    }
    if (e.target() > v[0]) {
      return LedgerStep.Phase.WAITING;
    }
    return LedgerStep.Phase.STABLE;
  }

  /** Sum of what the budget keeps for all consumers after a step. */
  public static long totalHeld(List<LedgerStep> steps) {
    return steps.stream().mapToLong(LedgerStep::held).sum();
  }
}
