package dev.headroom.operator.it.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sampled connections of one budget's consumers against its limit, with the rules of
 * docs/reliability.md:
 *
 * <ul>
 *   <li>Normally a breach is a sample with {@code total > maxConnections − reserved}.
 *   <li>When a user lowers the limit (at t0, from A_old to A_new), grants issued under A_old stay
 *       valid until withdrawn: a consumer above its new grant still holds its old one until it has
 *       come down (docs/concepts.md, the grant ledger). So the limit checked is A_old until the
 *       first sample at least {@link #GRACE_MILLIS} after t0 in which the budget's status shows
 *       A_new, what it holds for its consumers ({@code Σ held}) fits A_new, and {@code total ≤
 *       A_new}; from that sample on, A_new. Not getting there within {@link #BOUND_MILLIS} fails
 *       the scenario. A Deployment whose bound {@code (replicas + 1) × pool} rises while {@code
 *       total > A_new}, later than {@link #GRACE_MILLIS} after the budget's status first showed
 *       A_new, is counted as a grow while over.
 *   <li>A raised limit applies once the edit was accepted; a limit is lowered in this watch before
 *       the edit is sent, so a sample never checks against a limit the cluster has not got.
 * </ul>
 */
final class BudgetWatch {

  static final long GRACE_MILLIS = 3_000;
  static final long BOUND_MILLIS = 120_000;

  final String name;
  private int available;
  private boolean lowering;
  private int oldAvailable;
  private int newAvailable;
  private long loweredAt;
  private long statusShowedNewAt = -1;
  private long total;
  private long maxTotal;
  private int limitAtMax;
  private double maxRatio;
  private final List<String> breaches = new ArrayList<>();
  private final List<String> growsWhileOver = new ArrayList<>();
  private final Map<String, int[]> lastShape = new HashMap<>();
  private boolean notUnderInTime;

  BudgetWatch(String name, int available) {
    this.name = name;
    this.available = available;
  }

  synchronized void lowering(int newAvail, long now) {
    if (!lowering) {
      oldAvailable = available;
    }
    lowering = true;
    newAvailable = newAvail;
    loweredAt = now;
    statusShowedNewAt = -1;
  }

  synchronized void raised(int newAvail) {
    if (lowering) {
      newAvailable = newAvail;
      oldAvailable = Math.max(oldAvailable, newAvail);
    } else {
      available = newAvail;
    }
  }

  /** The limit a sample is checked against now. */
  synchronized int limit() {
    return lowering ? oldAvailable : available;
  }

  synchronized int available() {
    return lowering ? newAvailable : available;
  }

  /**
   * One sample: {@code total} connections in the consumers' live pods, {@code shapes} each
   * consumer's Deployment replicas and template pool, {@code statusAvailable} what the budget's
   * status says is available (or -1), {@code statusHeld} the sum of what its status holds for its
   * consumers (or -1).
   */
  synchronized void sample(
      long now,
      long total,
      Map<String, int[]> shapes,
      int statusAvailable,
      long statusHeld,
      String detail) {
    this.total = total;
    if (lowering) {
      if (statusShowedNewAt < 0 && statusAvailable >= 0 && statusAvailable <= newAvailable) {
        statusShowedNewAt = now;
      }
      if (statusShowedNewAt >= 0
          && now - statusShowedNewAt > GRACE_MILLIS
          && total > newAvailable) {
        for (var e : shapes.entrySet()) {
          int[] before = lastShape.get(e.getKey());
          int[] after = e.getValue();
          if (before != null && bound(after) > bound(before)) {
            growsWhileOver.add(
                String.format(
                    "%s grew %d×%d -> %d×%d while %d > %d",
                    e.getKey(), before[0], before[1], after[0], after[1], total, newAvailable));
          }
        }
      }
      boolean withdrawn =
          statusAvailable >= 0
              && statusAvailable <= newAvailable
              && statusHeld >= 0
              && statusHeld <= newAvailable;
      if (now - loweredAt >= GRACE_MILLIS && withdrawn && total <= newAvailable) {
        lowering = false;
        available = newAvailable;
      } else if (now - loweredAt > BOUND_MILLIS) {
        notUnderInTime = true;
      }
    }
    lastShape.clear();
    lastShape.putAll(shapes);
    int limit = limit();
    if (total > maxTotal || maxTotal == 0) {
      maxTotal = total;
      limitAtMax = limit;
    }
    maxRatio = Math.max(maxRatio, limit == 0 ? 0 : (double) total / limit);
    if (total > limit) {
      breaches.add(
          String.format(
              "%s at %s: %d > %d (%s)",
              name, java.time.Instant.ofEpochMilli(now), total, limit, detail));
    }
  }

  /** A Deployment's bound in the fault run, where every one has {@code maxSurge: 1}. */
  private static long bound(int[] shape) {
    return (long) (shape[0] + 1) * shape[1];
  }

  synchronized long total() {
    return total;
  }

  /** The most connections one sample counted. */
  synchronized long maxTotal() {
    return maxTotal;
  }

  /** The limit that sample was checked against. */
  synchronized int limitAtMax() {
    return limitAtMax;
  }

  synchronized double maxRatio() {
    return maxRatio;
  }

  synchronized List<String> breaches() {
    return List.copyOf(breaches);
  }

  synchronized List<String> growsWhileOver() {
    return List.copyOf(growsWhileOver);
  }

  synchronized boolean lowered() {
    return lowering;
  }

  synchronized boolean notUnderInTime() {
    return notUnderInTime;
  }
}
