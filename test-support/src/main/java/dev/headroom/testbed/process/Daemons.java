package dev.headroom.testbed.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The test bed's long-running processes, each under a name (etcd, prometheus, ...), as recorded in
 * the run dir: {@code NAME.pid}, {@code NAME.exe} (the executable it was started with, so that a
 * reused pid is never taken for it), {@code NAME.port} and other {@code NAME.*} facts such as
 * {@code postgres.maxconn}.
 */
public final class Daemons {

  private static final int STOP_WAIT_TENTHS = 100;

  private final Path run;

  public Daemons(Path run) {
    this.run = run;
  }

  public Optional<Long> pid(String name) {
    return read(name, "pid").map(Long::parseLong);
  }

  public Optional<Integer> port(String name) {
    return read(name, "port").map(Integer::parseInt);
  }

  /** The pid file exists. */
  public boolean recorded(String name) {
    return Files.exists(run.resolve(name + ".pid"));
  }

  /**
   * The recorded pid exists and is no zombie; unlike {@link #alive} the executable is not checked,
   * as a process just started may still be in {@code setsid} or {@code setpriv} before its exec.
   */
  public boolean running(String name) {
    return pid(name).map(ProcessState::running).orElse(false);
  }

  /** The recorded pid runs the recorded executable. */
  public boolean alive(String name) {
    Optional<Long> pid = pid(name);
    Optional<String> exe = read(name, "exe");
    return pid.isPresent()
        && exe.isPresent()
        && ProcessState.running(pid.get())
        && ProcessState.executable(pid.get()).equals(exe);
  }

  /**
   * Stops {@code name}: {@code signal} (TERM, or INT for PostgreSQL's fast shutdown), then after 10
   * s KILL to its process group; forgets every {@code NAME.*} fact.
   */
  public void stop(String name, String signal) {
    Optional<Long> pid = pid(name);
    if (pid.isPresent() && alive(name)) {
      long p = pid.get();
      Signals.send(p, signal);
      for (int i = 0; i < STOP_WAIT_TENTHS && ProcessState.running(p); i++) {
        sleepTenth();
      }
      if (ProcessState.running(p)) {
        Signals.sendToGroup(p, "KILL");
      }
    }
    forget(name);
  }

  public void stop(String name) {
    stop(name, "TERM");
  }

  /** Removes every {@code NAME.*} file of the run dir. */
  public void forget(String name) {
    if (!Files.isDirectory(run)) {
      return;
    }
    try (Stream<Path> files = Files.list(run)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A recorded fact of {@code name}, e.g. {@code read("postgres", "maxconn")}. */
  public Optional<String> read(String name, String fact) {
    try {
      return Optional.of(Files.readString(run.resolve(name + "." + fact)).strip());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleepTenth() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping a process", e);
    }
  }
}
