package dev.headroom.operator.status;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends Events on one background thread from a queue of bounded length, as client-go's event
 * recorder does: a reconcile thread hands an Event over and goes on, so a busy API server slows the
 * story and never the rounds. A full queue drops the newest Event and tells {@code onDrop}. Closing
 * sends what is queued, waiting at most the grace period.
 */
public final class EventQueue implements Executor, AutoCloseable {

  private final ThreadPoolExecutor sender;
  private final Runnable onDrop;
  private final Duration grace;

  /**
   * @param capacity Events waiting at most; client-go keeps 1,000
   * @param onDrop told of each Event dropped because the queue was full
   * @param grace longest {@link #close()} waits for queued Events
   */
  public EventQueue(int capacity, Runnable onDrop, Duration grace) {
    if (capacity < 1) {
      throw new IllegalArgumentException("an event queue holds at least 1, got " + capacity);
    }
    this.onDrop = onDrop;
    this.grace = grace;
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(capacity),
            r -> {
              Thread t = new Thread(r, "headroom-events");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void execute(Runnable send) {
    try {
      sender.execute(send);
    } catch (RejectedExecutionException full) {
      onDrop.run();
    }
  }

  /** Events waiting to be sent. */
  public int queued() {
    return sender.getQueue().size();
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.shutdownNow();
  }
}
