package dev.headroom.testbed.process;

import dev.headroom.testbed.TestBedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until a component just started is ready: asks its probe every 0.3 s, gives up after the
 * start timeout ({@code HEADROOM_TESTBED_TIMEOUT}) and at once when the process has died, with the
 * reason read from its log ({@link StartFailure}).
 */
public final class StartupWait {

  private static final long POLL_MILLIS = 300;

  private final Daemons daemons;
  private final Path logs;
  private final Duration timeout;
  private final Clock clock;

  public StartupWait(Daemons daemons, Path logs, Duration timeout, Clock clock) {
    this.daemons = daemons;
    this.logs = logs;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Until {@code probe} answers; {@code port} (or null) tells a port clash from other failures. */
  public void until(String name, Integer port, ReadinessProbe probe) {
    Instant deadline = clock.instant().plus(timeout);
    while (!probe.ready()) {
      if (!daemons.running(name) || !clock.instant().isBefore(deadline)) {
        throw failure(name, port);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TestBedException("interrupted while waiting for " + name, e);
      }
    }
  }

  private TestBedException failure(String name, Integer port) {
    Path log = logs.resolve(name + ".log");
    String text;
    try {
      text = Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      text = "";
    }
    return new TestBedException(
        StartFailure.describe(name, port, text, log.toString(), timeout.toSeconds()));
  }
}
