package dev.headroom.operator.signal;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The JOSDK event source that runs a policy's round when something it depends on changed outside
 * the API objects JOSDK watches: its load left the band of its last decision ({@link SignalHub},
 * ticked here while the controller runs, i.e. on the leader), its target changed, or its forecast
 * history was refreshed. Events for a policy already queued or in a round are merged by JOSDK.
 */
public final class PolicyWakeups extends AbstractEventSource<Void, ScalingPolicy> {

  private static final Logger LOG = Logger.getLogger(PolicyWakeups.class);

  private final SignalHub hub;
  private final Duration tick;
  private ScheduledExecutorService ticker;

  public PolicyWakeups(SignalHub hub, Duration tick) {
    super(Void.class, "policy-wakeups");
    this.hub = hub;
    this.tick = tick;
  }

  /** Runs the round of {@code policy} soon; ignored while the controller is stopped. */
  public void wake(ResourceID policy) {
    if (isRunning()) {
      getEventHandler().handleEvent(new Event(policy));
    }
  }

  @Override
  public synchronized void start() throws OperatorException {
    super.start();
    hub.wakeWith(this::wake);
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "headroom-signals");
              t.setDaemon(true);
              return t;
            });
    ticker.schedule(this::tickAndReschedule, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Ticks, then schedules the next tick one period after this one started: a tick that takes 300 ms
   * (10,000 series to parse) does not stretch the period to 1.3 s, which a load change would wait
   * for. A tick longer than the period is followed at once, never by a burst of missed ones.
   */
  private void tickAndReschedule() {
    long started = System.nanoTime();
    tickSafely();
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    synchronized (this) {
      if (ticker != null) {
        ticker.schedule(
            this::tickAndReschedule, Math.max(0, tick.toMillis() - elapsed), TimeUnit.MILLISECONDS);
      }
    }
  }

  @Override
  public synchronized void stop() throws OperatorException {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    super.stop();
  }

  private void tickSafely() {
    try {
      hub.tick();
    } catch (RuntimeException e) {
      LOG.warnf(e, "signal tick failed; trying again in %s", tick);
    }
  }

  @Override
  public Set<Void> getSecondaryResources(ScalingPolicy primary) {
    return Set.of();
  }
}
