package dev.headroom.testbed.connections;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Startup;
import dev.headroom.testbed.process.JavaProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The connection emulator ({@link ConnectionEmulator}) as a process of the test bed: pods labelled
 * {@code headroom.dev/connections=real} get real pools to the test bed's PostgreSQL as role {@code
 * app}. Started afresh on every call.
 */
public final class EmulatorProcess {

  private final Startup startup;
  private final JavaProgram java;

  public EmulatorProcess(Startup startup, JavaProgram java) {
    this.startup = startup;
    this.java = java;
  }

  public void start(long exitDelayMillis) {
    var daemons = startup.daemons();
    if (!daemons.alive("postgres")) {
      throw new TestBedException("postgres is not running; run 'scripts/testbed postgres' first");
    }
    daemons.stop("connections");
    startup
        .console()
        .info(
            "starting the connection emulator (pods labelled headroom.dev/connections=real; exit"
                + " delay "
                + exitDelayMillis
                + " ms)");
    // A heap for a few thousand pooled connections (the fault run's waves hold up to ~3000); the
    // serial collector keeps the resident size near what is in use.
    startup
        .launcher()
        .start(
            "connections",
            java.java(),
            java.command(
                List.of("-Xmx512m", "-XX:+UseSerialGC"),
                ConnectionEmulator.class.getName(),
                List.of(
                    "--kubeconfig=" + startup.layout().kubeconfig(),
                    "--jdbc-url=jdbc:postgresql://127.0.0.1:"
                        + daemons.port("postgres").orElseThrow()
                        + "/postgres",
                    "--user=app",
                    "--exit-delay-ms=" + exitDelayMillis)));
    startup.launcher().record("connections", "delay", exitDelayMillis);
    Path log = startup.layout().logs().resolve("connections.log");
    startup.readiness().until("connections", null, () -> says(log, "watching pods"));
  }

  private static boolean says(Path log, String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
