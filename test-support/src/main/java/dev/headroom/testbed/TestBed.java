package dev.headroom.testbed;

import dev.headroom.testbed.connections.EmulatorClassPath;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local test bed of {@code scripts/testbed}: a real kube-apiserver with etcd,
 * kube-controller-manager, kube-scheduler and kwok fake nodes, plus Prometheus and PostgreSQL on
 * request.
 *
 * <p>One instance per JVM ({@link #shared()}). It runs {@code scripts/testbed up} on first use and
 * {@code scripts/testbed down} when the last JVM using it closes it, unless the test bed was
 * brought up by hand (then it is left as found) or {@code HEADROOM_TESTBED_KEEP=true} (or the
 * system property {@code headroom.testbed.keep=true}) is set. Each JVM registers itself as a user
 * in {@code <state dir>/users/<pid>}, so that JVMs sharing one state dir do not stop the test bed
 * under each other. Tests normally use it through {@link WithTestBed}.
 */
public final class TestBed implements AutoCloseable {

  /**
   * Environment variable naming the repository root, if walking up from the working dir is not
   * wanted.
   */
  public static final String REPO_ENV = "HEADROOM_REPO";

  /**
   * Environment variable naming the trace directory; default {@code examples/traces} in the
   * repository.
   */
  public static final String TRACES_ENV = "HEADROOM_TRACES_DIR";

  private static final long SCRIPT_TIMEOUT_MINUTES =
      45; // a cold build of the control plane included
  private static TestBed shared;

  private static final String STARTED_BY_TESTS = "started-by-tests";

  private final Path repoRoot;
  private final Path script;
  private final Path users;
  private final Path user;
  private volatile Map<String, String> env;
  private boolean closed;

  private TestBed(Path repoRoot, Path users, Path user) {
    this.repoRoot = repoRoot;
    this.script = repoRoot.resolve("scripts/testbed");
    this.users = users;
    this.user = user;
  }

  /** The JVM-wide test bed, brought up on first call. */
  public static synchronized TestBed shared() {
    if (shared == null || shared.closed) {
      shared = start(findRepoRoot());
      TestBed started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "testbed-down"));
    }
    return shared;
  }

  /** Brings the control plane up (idempotent) for the repository at {@code repoRoot}. */
  public static TestBed start(Path repoRoot) {
    Path script = repoRoot.resolve("scripts/testbed");
    Path users = stateDir(repoRoot).resolve("users");
    Path user = users.resolve(String.valueOf(ProcessHandle.current().pid()));
    try {
      // Register before "up", so that a JVM finishing meanwhile does not stop the test bed.
      Files.createDirectories(users);
      Files.writeString(user, "");
      boolean wasUp = run(repoRoot, script, List.of("env"), false).exitCode() == 0;
      run(repoRoot, script, List.of("up"), true).orThrow("up");
      if (!wasUp) {
        Files.writeString(users.resolve(STARTED_BY_TESTS), "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(user);
      throw e;
    }
    TestBed bed = new TestBed(repoRoot, users, user);
    bed.refreshEnv();
    return bed;
  }

  /** The state dir as {@code scripts/testbed} computes it. */
  static Path stateDir(Path repoRoot) {
    String fromEnv = System.getenv("HEADROOM_TESTBED_DIR");
    return fromEnv != null && !fromEnv.isBlank()
        ? Paths.get(fromEnv)
        : repoRoot.resolve(".testbed");
  }

  static boolean keepRequested() {
    return Boolean.parseBoolean(System.getenv("HEADROOM_TESTBED_KEEP"))
        || Boolean.getBoolean("headroom.testbed.keep");
  }

  /** Walks up from the working directory to the directory that holds {@code scripts/testbed}. */
  public static Path findRepoRoot() {
    String fromEnv = System.getenv(REPO_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path root = Paths.get(fromEnv).toAbsolutePath().normalize();
      if (Files.isRegularFile(root.resolve("scripts/testbed"))) {
        return root;
      }
      throw new TestBedException(REPO_ENV + "=" + fromEnv + " has no scripts/testbed");
    }
    Path start = Paths.get("").toAbsolutePath().normalize();
    return findRepoRoot(start)
        .orElseThrow(
            () ->
                new TestBedException(
                    "no scripts/testbed in " + start + " or any parent directory"));
  }

  static Optional<Path> findRepoRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("scripts/testbed"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  public Path repoRoot() {
    return repoRoot;
  }

  /** The variables that {@code scripts/testbed env} prints, e.g. KUBECONFIG and PROMETHEUS_URL. */
  public Map<String, String> env() {
    return env;
  }

  public Path kubeconfig() {
    return Paths.get(required("KUBECONFIG"));
  }

  /** kube-apiserver's audit log of scale writes (JSON lines; see ApiServerFlags.AUDIT_POLICY). */
  public Path apiServerAudit() {
    return new dev.headroom.testbed.components.Layout(kubeconfig().getParent()).apiServerAudit();
  }

  /** The server's version as pinned in {@code scripts/testbed}, e.g. {@code v1.33.13}. */
  public String kubernetesVersion() {
    return required("HEADROOM_KUBE_VERSION");
  }

  /**
   * Fabric8 configuration for the admin user (cluster-admin), with {@code namespace} as default.
   */
  public Config kubernetesConfig(String namespace) {
    String kubeconfig;
    try {
      kubeconfig = Files.readString(kubeconfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Config config = Config.fromKubeconfig(kubeconfig);
    if (namespace != null) {
      config.setNamespace(namespace);
    }
    return config;
  }

  /** A new client as cluster-admin; the caller closes it. */
  public KubernetesClient newClient(String namespace) {
    return new KubernetesClientBuilder().withConfig(kubernetesConfig(namespace)).build();
  }

  /** Prometheus, started on first call (with its load exporter). */
  public synchronized Prometheus prometheus() {
    if (!env.containsKey("PROMETHEUS_URL")) {
      script("prometheus");
    }
    return new Prometheus(
        this, required("PROMETHEUS_URL"), Paths.get(required("HEADROOM_LOAD_DIR")));
  }

  /**
   * PostgreSQL with the given {@code max_connections}; started on first call and restarted (empty)
   * when another value is asked for.
   */
  public synchronized Postgres postgres(int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
    }
    if (!String.valueOf(maxConnections).equals(env.get("POSTGRES_MAX_CONNECTIONS"))) {
      script("postgres", String.valueOf(maxConnections));
    }
    return new Postgres(
        required("PGHOST"),
        Integer.parseInt(required("PGPORT")),
        required("PGUSER"),
        required("PGDATABASE"),
        Integer.parseInt(required("POSTGRES_MAX_CONNECTIONS")));
  }

  /**
   * Starts (or restarts) the connection emulator: every Running pod labelled {@code
   * headroom.dev/connections=real} holds its pool of real connections to PostgreSQL (as role {@code
   * app}) and keeps them {@code exitDelay} after it terminates. Needs {@link #postgres(int)} first;
   * restarting PostgreSQL stops the emulator.
   */
  public synchronized void connections(java.time.Duration exitDelay) {
    script("connections", "--exit-delay-ms=" + exitDelay.toMillis());
  }

  /**
   * PgBouncer in front of PostgreSQL (which must run), serving at most {@code pool} server
   * connections; started on first call, reloaded with the new pool on later ones (its clients stay
   * connected).
   */
  public synchronized PgBouncer pgbouncer(int pool) {
    if (pool < 1) {
      throw new IllegalArgumentException("pool must be positive: " + pool);
    }
    script("pgbouncer", String.valueOf(pool));
    return new PgBouncer(
        "127.0.0.1",
        Integer.parseInt(required("PGBOUNCER_PORT")),
        Integer.parseInt(required("PGBOUNCER_POOL")),
        "pgbouncer_server");
  }

  /** postgres_exporter's metrics URL; it runs whenever PostgreSQL does. */
  public String postgresExporterUrl() {
    return required("POSTGRES_EXPORTER_URL");
  }

  /**
   * A trace from the repository's trace directory ({@code examples/traces}, or {@code
   * HEADROOM_TRACES_DIR}).
   */
  public Path trace(String fileName) {
    return tracesDir(repoRoot).resolve(fileName);
  }

  static Path tracesDir(Path repoRoot) {
    String fromEnv = System.getenv(TRACES_ENV);
    Path dir =
        fromEnv != null && !fromEnv.isBlank()
            ? Paths.get(fromEnv)
            : repoRoot.resolve("examples/traces");
    dir = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new TestBedException("trace directory " + dir + " not found (set " + TRACES_ENV + ")");
    }
    return dir;
  }

  /**
   * Runs {@code scripts/testbed ARGS...}, fails on a non-zero exit and returns its stdout+stderr.
   */
  public synchronized String script(String... args) {
    String output = run(repoRoot, script, List.of(args), true).orThrow(String.join(" ", args));
    refreshEnv();
    return output;
  }

  private void refreshEnv() {
    env = parseEnv(run(repoRoot, script, List.of("env"), false).orThrow("env"));
  }

  private String required(String name) {
    String value = env.get(name);
    if (value == null) {
      throw new TestBedException("scripts/testbed env did not print " + name);
    }
    return value;
  }

  /** Parses lines of the form {@code export NAME='value'}. */
  static Map<String, String> parseEnv(String output) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      if (!line.startsWith("export ")) {
        continue;
      }
      String assignment = line.substring("export ".length());
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String value = assignment.substring(eq + 1);
      if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
        value = value.substring(1, value.length() - 1).replace("'\\''", "'");
      }
      vars.put(assignment.substring(0, eq), value);
    }
    return vars;
  }

  /**
   * Unregisters this JVM and stops the test bed if tests brought it up and no other live JVM uses
   * it (and keeping it was not asked for). Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    deleteQuietly(user);
    if (keepRequested() || !Files.exists(users.resolve(STARTED_BY_TESTS)) || otherLiveUsers()) {
      return;
    }
    deleteQuietly(users.resolve(STARTED_BY_TESTS));
    run(repoRoot, script, List.of("down"), true);
  }

  private boolean otherLiveUsers() {
    try (var files = Files.list(users)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.matches("[0-9]+"))
          .anyMatch(
              name -> {
                boolean live =
                    ProcessHandle.of(Long.parseLong(name))
                        .map(
                            h ->
                                h.isAlive()
                                    && h.info().command().map(c -> c.contains("java")).orElse(true))
                        .orElse(false);
                if (!live) {
                  deleteQuietly(users.resolve(name));
                }
                return live;
              });
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // best effort: a stale user file is ignored by the liveness check
    }
  }

  record Result(int exitCode, String output, List<String> command) {
    String orThrow(String what) {
      if (exitCode != 0) {
        String[] lines = output.strip().split("\n");
        String cause = lines.length == 0 ? "" : lines[lines.length - 1];
        throw new TestBedException(
            "scripts/testbed " + what + " failed (exit " + exitCode + "): " + cause);
      }
      return output;
    }
  }

  private static Result run(Path repoRoot, Path script, List<String> args, boolean echo) {
    return run(repoRoot, script, args, echo, Map.of());
  }

  private static Result run(
      Path repoRoot, Path script, List<String> args, boolean echo, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(script.toString());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // The script runs test-support's programs (load exporter, backfill writer, connection
    // emulator) on this JVM's class path instead of compiling test-support with Maven.
    builder
        .environment()
        .put(
            "HEADROOM_TESTBED_CLASSPATH",
            EmulatorClassPath.of(System.getProperty("java.class.path")));
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      StringBuilder output = new StringBuilder();
      try (InputStream in = process.getInputStream()) {
        // Read line by line so that long steps (a cold build) show progress in the test log.
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
          output.append(line).append('\n');
          if (echo) {
            System.err.println(line);
          }
        }
      }
      if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroy();
        throw new TestBedException("scripts/testbed " + String.join(" ", args) + " timed out");
      }
      return new Result(process.exitValue(), output.toString(), command);
    } catch (IOException e) {
      throw new TestBedException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestBedException("interrupted while running " + command, e);
    }
  }
}
