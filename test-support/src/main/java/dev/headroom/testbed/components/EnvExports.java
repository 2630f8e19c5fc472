package dev.headroom.testbed.components;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.process.Daemons;
import java.io.PrintStream;

/**
 * {@code scripts/testbed env}: {@code export NAME='value'} lines for what runs (KUBECONFIG,
 * PROMETHEUS_URL, PGPORT, PGBOUNCER_JDBC_URL, ...), values single-quoted for the shell.
 */
public final class EnvExports {

  private EnvExports() {}

  public static void print(Layout layout, Daemons daemons, String kubeVersion, PrintStream out) {
    if (!daemons.alive("kube-apiserver")) {
      throw new TestBedException("the test bed is not up; run 'scripts/testbed up'");
    }
    export(out, "HEADROOM_TESTBED_DIR", layout.state().toString());
    export(out, "KUBECONFIG", layout.kubeconfig().toString());
    export(out, "HEADROOM_KUBE_SERVER", "https://127.0.0.1:" + port(daemons, "kube-apiserver"));
    export(out, "HEADROOM_KUBE_VERSION", kubeVersion);
    if (daemons.alive("prometheus")) {
      export(out, "PROMETHEUS_URL", "http://127.0.0.1:" + port(daemons, "prometheus"));
      export(out, "HEADROOM_LOAD_DIR", layout.loadDir().toString());
    }
    if (daemons.alive("postgres")) {
      String port = port(daemons, "postgres");
      export(out, "PGHOST", "127.0.0.1");
      export(out, "PGPORT", port);
      export(out, "PGUSER", "postgres");
      export(out, "PGDATABASE", "postgres");
      export(out, "POSTGRES_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
      export(out, "POSTGRES_MAX_CONNECTIONS", daemons.read("postgres", "maxconn").orElse(""));
    }
    if (daemons.alive("postgres-exporter")) {
      export(
          out,
          "POSTGRES_EXPORTER_URL",
          "http://127.0.0.1:" + port(daemons, "postgres-exporter") + "/metrics");
    }
    if (daemons.alive("connections")) {
      export(
          out,
          "HEADROOM_CONNECTIONS_EXIT_DELAY_MS",
          daemons.read("connections", "delay").orElse(""));
    }
    if (daemons.alive("pgbouncer")) {
      String port = port(daemons, "pgbouncer");
      export(out, "PGBOUNCER_PORT", port);
      export(out, "PGBOUNCER_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + port + "/app");
      export(out, "PGBOUNCER_POOL", daemons.read("pgbouncer", "pool").orElse(""));
    }
  }

  private static String port(Daemons daemons, String name) {
    return daemons.port(name).map(String::valueOf).orElse("");
  }

  private static void export(PrintStream out, String name, String value) {
    out.println("export " + name + "=" + quote(value));
  }

  /** {@code 'value'}, a single quote inside written as {@code '\''}. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
