package dev.headroom.operator.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headroom.testbed.TestBed;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged operator ({@code quarkus-run.jar}) as a separate process on the test bed,
 * authenticated with a token of the chart's service account bound to exactly the chart's rules
 * ({@code helm/headroom/files/clusterrole-rules.yaml}), so every test also proves the shipped
 * permissions are enough. {@link #kill()} is {@code kill -9}.
 */
public final class OperatorProcess implements AutoCloseable {

  public static final String NAMESPACE = "headroom-system";
  public static final String SERVICE_ACCOUNT = "headroom";
  public static final String ROLE = "headroom-operator";

  private final TestBed bed;
  private final KubernetesClient admin;
  private final Map<String, String> settings;
  private final Path log;
  private final java.net.URI apiServer;
  private Process process;
  private int httpPort;
  private String serviceAccount = SERVICE_ACCOUNT;

  public OperatorProcess(
      TestBed bed, KubernetesClient admin, Map<String, String> settings, String logName) {
    this(bed, admin, settings, logName, null);
  }

  /**
   * An operator that reaches the API server at {@code apiServer} (plain HTTP on loopback, e.g. a
   * fault-injecting proxy) instead of directly; null means directly.
   */
  public OperatorProcess(
      TestBed bed,
      KubernetesClient admin,
      Map<String, String> settings,
      String logName,
      java.net.URI apiServer) {
    this.bed = bed;
    this.admin = admin;
    this.settings = settings;
    this.log = Path.of("target", logName + ".log");
    this.apiServer = apiServer;
  }

  /** CRDs and the chart's RBAC, as an installation would have them. Idempotent. */
  public static void install(TestBed bed, KubernetesClient admin) {
    Path repo = bed.repoRoot();
    try (var files = Files.list(repo.resolve("crds"))) {
      for (Path crd : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(crd)) {
          CustomResourceDefinition def =
              admin.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
          admin
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .resource(def)
              .forceConflicts()
              .serverSideApply();
        }
      }
      List<PolicyRule> rules =
          new ObjectMapper(new YAMLFactory())
              .readValue(
                  repo.resolve("helm/headroom/files/clusterrole-rules.yaml").toFile(),
                  new TypeReference<List<PolicyRule>>() {});
      admin
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .serverSideApply();
      admin
          .serviceAccounts()
          .inNamespace(NAMESPACE)
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName(SERVICE_ACCOUNT)
                  .endMetadata()
                  .build())
          .serverSideApply();
      admin
          .rbac()
          .clusterRoles()
          .resource(
              new ClusterRoleBuilder()
                  .withNewMetadata()
                  .withName(ROLE)
                  .endMetadata()
                  .withRules(rules)
                  .build())
          .forceConflicts()
          .serverSideApply();
      admin
          .rbac()
          .clusterRoleBindings()
          .resource(
              new ClusterRoleBindingBuilder()
                  .withNewMetadata()
                  .withName(ROLE)
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", ROLE)
                  .addNewSubject()
                  .withKind("ServiceAccount")
                  .withName(SERVICE_ACCOUNT)
                  .withNamespace(NAMESPACE)
                  .endSubject()
                  .build())
          .forceConflicts()
          .serverSideApply();
      admin
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName("scalingpolicies.headroom.dev")
          .waitUntilCondition(
              c ->
                  c.getStatus() != null
                      && c.getStatus().getConditions().stream()
                          .anyMatch(
                              x ->
                                  "Established".equals(x.getType())
                                      && "True".equals(x.getStatus())),
              30,
              TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs as service account {@code name} of {@link #NAMESPACE} instead of the one {@link #install}
   * binds to the chart's ClusterRole; the caller grants it what it should have.
   */
  public OperatorProcess asServiceAccount(String name) {
    this.serviceAccount = name;
    return this;
  }

  public OperatorProcess start() {
    try {
      Path kubeconfig = serviceAccountKubeconfig();
      Path jar =
          Path.of(System.getProperty("headroom.operatorJar", "target/quarkus-app/quarkus-run.jar"));
      if (!Files.exists(jar)) {
        throw new IllegalStateException(
            jar + " is missing: run the Quarkus build (mvn package) first");
      }
      List<String> command =
          new ArrayList<>(
              List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      // An empty headroom.operatorXmx leaves the heap to the JVM options (a share of -XX:MaxRAM).
      String xmx = System.getProperty("headroom.operatorXmx", "512m");
      if (!xmx.isBlank()) {
        command.add("-Xmx" + xmx);
      }
      String jvmOptions = System.getProperty("headroom.operatorJvmOptions", "");
      if (!jvmOptions.isBlank()) {
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
      }
      command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> env = pb.environment();
      env.put("KUBECONFIG", kubeconfig.toString());
      httpPort = freePort();
      env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
      env.put("HEADROOM_PROMETHEUS_URL", bed.prometheus().url().toString());
      env.put("HEADROOM_SYNC_PERIOD", "2s");
      env.put("HEADROOM_TRANSITION_POLL_PERIOD", "1s");
      env.put("HEADROOM_BUDGET_SYNC_PERIOD", "5s");
      env.putAll(settings);
      process = pb.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code kill -9}: no shutdown hook, no graceful release of anything. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGTERM, as Kubernetes stops a pod; true when the operator exited on its own in time. */
  public boolean stopGracefully(Duration within) {
    process.destroy();
    try {
      return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      process.destroyForcibly();
    }
  }

  /** The operator's process id (part of its leader-election identity); -1 before start. */
  public long pid() {
    return process == null ? -1 : process.pid();
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /**
   * The operator's HTTP port, e.g. {@code http://127.0.0.1:PORT/headroom} for the timeline page.
   */
  public java.net.URI baseUrl() {
    return java.net.URI.create("http://127.0.0.1:" + httpPort);
  }

  /** The operator's own metrics endpoint. */
  public java.net.URI metricsUrl() {
    return java.net.URI.create("http://127.0.0.1:" + httpPort + "/q/metrics");
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Path serviceAccountKubeconfig() throws IOException {
    String token =
        admin
            .serviceAccounts()
            .inNamespace(NAMESPACE)
            .withName(serviceAccount)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(Duration.ofHours(2).toSeconds())
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    Config config = bed.kubernetesConfig(null);
    String server = apiServer == null ? config.getMasterUrl() : apiServer.toString();
    String ca =
        server.startsWith("https")
            ? "certificate-authority-data: " + config.getCaCertData()
            : "insecure-skip-tls-verify: false";
    String kubeconfig =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: testbed
          cluster:
            server: %s
            %s
        users:
        - name: headroom
          user:
            token: %s
        contexts:
        - name: headroom
          context: {cluster: testbed, user: headroom, namespace: %s}
        current-context: headroom
        """
            .formatted(server, ca, token, NAMESPACE);
    Path file = Files.createTempFile("headroom-operator", ".kubeconfig");
    Files.writeString(file, kubeconfig);
    file.toFile().deleteOnExit();
    return file;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
