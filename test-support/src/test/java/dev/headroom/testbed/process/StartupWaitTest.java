package dev.headroom.testbed.process;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.testbed.TestBedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupWaitTest {

  @TempDir Path state;
  Path run;
  Path logs;

  @BeforeEach
  void dirs() throws IOException {
    run = Files.createDirectories(state.resolve("run"));
    logs = Files.createDirectories(state.resolve("logs"));
  }

  private StartupWait waitWith(Clock clock) {
    return new StartupWait(new Daemons(run), logs, Duration.ofSeconds(120), clock);
  }

  @Test
  void returnsOnceTheProbeAnswers() throws IOException {
    Files.writeString(run.resolve("etcd.pid"), ProcessHandle.current().pid() + "\n");
    AtomicInteger asked = new AtomicInteger();
    assertThatCode(
            () ->
                waitWith(Clock.systemUTC()).until("etcd", 2379, () -> asked.incrementAndGet() == 2))
        .doesNotThrowAnyException();
  }

  @Test
  void aDeadProcessFailsAtOnceWithTheLastLineOfItsLog() throws IOException {
    Files.writeString(run.resolve("etcd.pid"), "999999999\n");
    Files.writeString(logs.resolve("etcd.log"), "starting\nfatal: no space left\n");
    assertThatThrownBy(() -> waitWith(Clock.systemUTC()).until("etcd", 2379, () -> false))
        .isInstanceOf(TestBedException.class)
        .hasMessage(
            "etcd did not become ready within 120s; see "
                + logs.resolve("etcd.log")
                + " (last line: fatal: no space left)");
  }

  @Test
  void aLiveProcessFailsAfterTheTimeout() throws IOException {
    Files.writeString(run.resolve("etcd.pid"), ProcessHandle.current().pid() + "\n");
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    // the deadline is taken at the first reading; every later reading is past it
    AtomicInteger readings = new AtomicInteger();
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return readings.getAndIncrement() == 0 ? start : start.plusSeconds(121);
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    assertThatThrownBy(() -> waitWith(clock).until("etcd", null, () -> false))
        .hasMessageStartingWith("etcd did not become ready within 120s");
  }
}
