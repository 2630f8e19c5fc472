package dev.headroom.testbed.process;

import dev.headroom.testbed.TestBedException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the test bed's long-running processes: each in its own session ({@code setsid}), stdin
 * from /dev/null, stdout and stderr into {@code logs/NAME.log}, holding no descriptor of the
 * caller, and records {@code run/NAME.pid} and {@code run/NAME.exe} so that {@link Daemons} finds
 * it. It remembers what it started, in order, for a rollback; once {@link #refuse() refused} it
 * starts nothing more.
 */
public final class DaemonLauncher {

  private static final int EXEC_WAIT_STEPS = 200;

  private final Path run;
  private final Path logs;
  private final List<String> started = new ArrayList<>();
  private boolean refused;

  public DaemonLauncher(Path run, Path logs) {
    this.run = run;
    this.logs = logs;
  }

  /** Starts {@code command} (whose program is {@code executable}) as {@code name}. */
  public void start(String name, Path executable, List<String> command) {
    start(name, executable, command, Map.of());
  }

  /** Same, with {@code env} added to the environment. */
  public synchronized void start(
      String name, Path executable, List<String> command, Map<String, String> env) {
    if (refused) {
      throw new TestBedException("interrupted; not starting " + name);
    }
    List<String> full = new ArrayList<>();
    full.add("setsid");
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    try {
      Files.createDirectories(run);
      Files.createDirectories(logs);
      builder.redirectOutput(logs.resolve(name + ".log").toFile());
      String exe = executable.toRealPath().toString();
      // The JDK closes every descriptor but 0, 1 and 2 in the child: no lock is inherited.
      Process process = builder.start();
      Files.writeString(run.resolve(name + ".pid"), process.pid() + "\n");
      Files.writeString(run.resolve(name + ".exe"), exe + "\n");
      started.add(name);
      awaitExec(process, exe);
    } catch (IOException e) {
      throw new TestBedException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Until the process runs {@code exe} (it starts as {@code setsid}, perhaps {@code setpriv}), so
   * that {@link Daemons#alive} knows it at once; at most 2 s, and not past its death.
   */
  private static void awaitExec(Process process, String exe) {
    for (int i = 0; i < EXEC_WAIT_STEPS; i++) {
      if (!process.isAlive() || ProcessState.executable(process.pid()).orElse("").equals(exe)) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Records a fact of {@code name}, e.g. {@code record("postgres", "maxconn", "250")}. */
  public void record(String name, String fact, Object value) {
    try {
      Files.createDirectories(run);
      Files.writeString(run.resolve(name + "." + fact), value + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names started so far, first started first. */
  public synchronized List<String> started() {
    return List.copyOf(started);
  }

  /** From now on {@link #start} fails: a rollback is under way. */
  public synchronized void refuse() {
    refused = true;
  }
}
