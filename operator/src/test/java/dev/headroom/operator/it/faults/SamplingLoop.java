package dev.headroom.operator.it.faults;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A daemon thread that every {@code periodMillis} hands the registered scenarios one sampling
 * round, and records the longest gap between two rounds while a scenario was registered and the
 * first failure. The fault run's samplers differ only in what a round reads.
 */
final class SamplingLoop implements AutoCloseable {

  /** One sampling round for the scenarios registered now. */
  @FunctionalInterface
  interface Round {
    void run(Set<ScenarioRun> runs) throws Exception;
  }

  private final Set<ScenarioRun> runs = new CopyOnWriteArraySet<>();
  private final long periodMillis;
  private final Round round;
  private final boolean stopOnFailure;
  private final AtomicLong maxGapMillis = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param stopOnFailure whether a failed round ends the loop (a lost database connection does not
   *     come back) or the next round tries again (an informer store can be read again)
   */
  SamplingLoop(String name, long periodMillis, boolean stopOnFailure, Round round) {
    this.periodMillis = periodMillis;
    this.round = round;
    this.stopOnFailure = stopOnFailure;
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void register(ScenarioRun run) {
    runs.add(run);
  }

  void unregister(ScenarioRun run) {
    runs.remove(run);
  }

  private void loop() {
    long last = 0;
    while (running) {
      long started = System.nanoTime();
      try {
        round.run(runs);
        long end = System.nanoTime();
        if (last != 0 && !runs.isEmpty()) {
          maxGapMillis.accumulateAndGet((end - last) / 1_000_000, Math::max);
        }
        last = runs.isEmpty() ? 0 : end;
      } catch (Exception e) {
        failure.compareAndSet(null, e);
        if (stopOnFailure) {
          return;
        }
      }
      long sleep = periodMillis - (System.nanoTime() - started) / 1_000_000;
      if (sleep > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Longest time between two sampling rounds while a scenario was registered. */
  long maxGapMillis() {
    return maxGapMillis.get();
  }

  Throwable failure() {
    return failure.get();
  }

  /** Records a failure of the sampler around the loop (e.g. closing its connection). */
  void recordFailure(Throwable e) {
    failure.compareAndSet(null, e);
  }

  /** Stops the loop and waits up to {@code joinMillis} for a round in progress to end. */
  void stop(long joinMillis) throws InterruptedException {
    running = false;
    thread.interrupt();
    if (joinMillis > 0) {
      thread.join(joinMillis);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
