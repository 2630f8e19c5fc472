package dev.headroom.testbed.process;

import dev.headroom.testbed.TestBedException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool to completion (openssl, promtool, initdb, psql, curl, kill), stdin from /dev/null,
 * stdout and stderr together into memory or a log file.
 */
public final class Command {

  private static final long TIMEOUT_SECONDS = 600;

  private Command() {}

  public static CommandResult run(List<String> command) {
    return run(command, Map.of(), null);
  }

  /** Runs {@code command} with {@code env} added; its output goes to {@code log} when given. */
  public static CommandResult run(List<String> command, Map<String, String> env, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    try {
      if (log != null) {
        Files.createDirectories(log.getParent());
        builder.redirectOutput(log.toFile());
      }
      Process process = builder.start();
      String output =
          log == null
              ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              : "";
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new TestBedException(
            command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new CommandResult(process.exitValue(), output);
    } catch (IOException e) {
      throw new TestBedException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestBedException("interrupted while running " + command.get(0), e);
    }
  }

  /** Whether {@code command} exits with 0 (any failure to run it counts as no). */
  public static boolean succeeds(List<String> command) {
    try {
      return run(command).ok();
    } catch (TestBedException e) {
      return false;
    }
  }
}
