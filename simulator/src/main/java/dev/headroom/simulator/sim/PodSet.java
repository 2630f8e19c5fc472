package dev.headroom.simulator.sim;

import java.util.ArrayDeque;

/**
 * The pods of one workload: ready pods plus cohorts still starting, each with the second it becomes
 * ready. A scale-up adds a cohort ready after the start-up delay; a scale-down removes starting
 * pods first, newest first, then ready pods (the ReplicaSet controller deletes unready pods before
 * ready ones). Removed pods are gone at once.
 */
public final class PodSet {

  /** Cohorts in order of readiness: {readyAtSecond, count}. */
  private final ArrayDeque<long[]> starting = new ArrayDeque<>();

  private int ready;
  private int startingCount;

  /** {@code n} pods, all ready. */
  public PodSet(int n) {
    this.ready = n;
  }

  public int total() {
    return ready + startingCount;
  }

  /** Ready pods as of the last {@link #promote} call. */
  public int ready() {
    return ready;
  }

  /** Marks the pods whose start-up is over at {@code now} as ready; returns the ready count. */
  public int promote(long now) {
    while (!starting.isEmpty() && starting.peekFirst()[0] <= now) {
      long[] cohort = starting.pollFirst();
      ready += (int) cohort[1];
      startingCount -= (int) cohort[1];
    }
    return ready;
  }

  /**
   * Scales to {@code n} pods at {@code now}; new pods are ready at {@code now + startupSeconds}.
   */
  public void scaleTo(int n, long now, long startupSeconds) {
    int target = Math.max(0, n);
    int total = total();
    if (target > total) {
      long readyAt = now + startupSeconds;
      long[] last = starting.peekLast();
      if (last != null && last[0] == readyAt) {
        last[1] += target - total;
      } else {
        starting.addLast(new long[] {readyAt, target - total});
      }
      startingCount += target - total;
      promote(now);
      return;
    }
    int remove = total - target;
    while (remove > 0 && !starting.isEmpty()) {
      long[] newest = starting.peekLast();
      int take = (int) Math.min(remove, newest[1]);
      newest[1] -= take;
      startingCount -= take;
      remove -= take;
      if (newest[1] == 0) {
        starting.pollLast();
      }
    }
    ready -= remove;
  }
}
