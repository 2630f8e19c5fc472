package dev.headroom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI tarball the build writes: its configuration (non-root user, entrypoint, port, OCI labels,
 * layers), and the image run as a container runtime would run it ({@link Chroot}): its Java starts
 * as the image's user, and its entrypoint starts the operator, which connects to the test bed's API
 * server, reports ready and takes the leader lease.
 */
@WithTestBed
class OperatorImageIT {

  private static final Path TAR =
      Path.of(System.getProperty("headroom.image.tar", "target/headroom-operator-image.tar"));

  /** Where the operator's leader election keeps its lease (application.properties). */
  private static final String LEASE_NAMESPACE = "headroom-system";

  private static final String LEASE = "headroom-operator";
  private static OciArchive image;
  @TempDir static Path root;

  @BeforeAll
  static void read() throws IOException {
    assertThat(TAR).as("the build writes the image in the package phase").isRegularFile();
    image = new OciArchive(TAR);
  }

  @Test
  void isAnOciImageOfTheBuildsVersion() {
    assertThat(image.blob("oci-layout")).asString().contains("\"imageLayoutVersion\"");
    assertThat(image.index.at("/manifests/0/mediaType").asText())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    String version = System.getProperty("headroom.image.version");
    assertThat(
            image.index.at("/manifests/0/annotations/org.opencontainers.image.ref.name").asText())
        .endsWith(":" + version);
    JsonNode labels = image.config.at("/config/Labels");
    assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(version);
    assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
    assertThat(labels.path("org.opencontainers.image.revision").asText()).isNotBlank();
    assertThat(image.config.path("os").asText()).isEqualTo("linux");
  }

  @Test
  void runsAsTheChartsNonRootUserOnTheChartsPort() throws IOException {
    JsonNode values =
        new ObjectMapper(new YAMLFactory())
            .readTree(TestBed.findRepoRoot().resolve("helm/headroom/values.yaml").toFile());
    int chartUser = values.at("/securityContext/runAsUser").asInt();

    JsonNode config = image.config.path("config");
    assertThat(config.path("User").asText())
        .isEqualTo(chartUser + ":" + chartUser)
        .doesNotStartWith("0");
    assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/deployments");
    assertThat(strings(config.path("Entrypoint")))
        .startsWith("/opt/java/bin/java")
        .contains("-XX:MaxRAMPercentage=50.0", "-XX:NewRatio=3", "-XX:+ExitOnOutOfMemoryError")
        .endsWith("-jar", "/deployments/quarkus-run.jar");
  }

  @Test
  void layersPutTheRuntimeAndTheFastJarWhereTheEntrypointLooks() throws IOException {
    List<List<String>> layers = image.layerPaths();
    assertThat(layers).hasSize(5);
    assertThat(layers.get(0))
        .contains("/etc/passwd", "/lib64/ld-linux-x86-64.so.2", "/tmp")
        .anyMatch(p -> p.endsWith("/libc.so.6"));
    assertThat(layers.get(1))
        .contains("/opt/java/bin/java", "/opt/java/lib/server/libjvm.so")
        .noneMatch(p -> p.endsWith("libawt_xawt.so"));
    assertThat(layers.get(2))
        .anyMatch(p -> p.startsWith("/deployments/lib/main/"))
        .anyMatch(p -> p.startsWith("/deployments/lib/boot/"));
    assertThat(layers.get(3)).contains("/deployments/quarkus/quarkus-application.dat");
    assertThat(layers.get(4))
        .contains("/deployments/quarkus-run.jar")
        .anyMatch(p -> p.startsWith("/deployments/app/headroom-operator-"));
  }

  @Test
  void itsJavaRunsAsTheImagesUser() throws Exception {
    Chroot chroot = unpacked();
    String out =
        chroot.run(
            List.of("/opt/java/bin/java", "-XshowSettings:properties", "-version"), imageEnv());
    assertThat(out)
        .contains("user.name = headroom", "java.io.tmpdir = /tmp", "OpenJDK 64-Bit Server VM");
  }

  @Test
  void itsEntrypointStartsTheOperatorAgainstTheApiServer(TestBed bed, KubernetesClient admin)
      throws Exception {
    installCrds(bed, admin);
    admin
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(LEASE_NAMESPACE)
                .endMetadata()
                .build())
        .serverSideApply();
    admin.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE).delete();
    Chroot chroot = unpacked();
    Files.writeString(
        root.resolve("rootfs/tmp/kubeconfig"), selfContained(bed.kubernetesConfig(null)));
    int port = freePort();
    Map<String, String> env = imageEnv();
    env.put("KUBECONFIG", "/tmp/kubeconfig");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("HEADROOM_PROMETHEUS_URL", bed.prometheus().url().toString());
    Path log = Path.of("target", "operator-image.log");
    Process operator =
        chroot
            .command(strings(image.config.at("/config/Entrypoint")), env)
            .redirectOutput(log.toFile())
            .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
      Awaitility.await("the operator from the image reports ready (log: " + log + ")")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                assertThat(operator.isAlive()).as("operator running; see %s", log).isTrue();
                return http.send(
                            HttpRequest.newBuilder(ready).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200;
              });
      Awaitility.await("the operator from the image holds the leader lease")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                Lease lease = admin.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE).get();
                return lease != null && lease.getSpec().getHolderIdentity() != null;
              });
      assertThat(Files.readString(log)).doesNotContain("ERROR");
    } finally {
      Chroot.stop(operator, Duration.ofSeconds(20));
    }
  }

  private static synchronized Chroot unpacked() throws IOException {
    assumeTrue(Chroot.available(), "running the image without a container runtime needs root");
    Path rootfs = root.resolve("rootfs");
    if (!Files.isDirectory(rootfs)) {
      image.unpack(Files.createDirectories(rootfs));
    }
    return new Chroot(rootfs, image.config.at("/config/User").asText());
  }

  private static Map<String, String> imageEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode kv : image.config.at("/config/Env")) {
      String[] parts = kv.asText().split("=", 2);
      env.put(parts[0], parts[1]);
    }
    return env;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static void installCrds(TestBed bed, KubernetesClient admin) throws IOException {
    try (var files = Files.list(bed.repoRoot().resolve("crds"))) {
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
    }
  }

  /** A kubeconfig with the certificates inline, since files outside the image are not there. */
  private static String selfContained(Config c) throws IOException {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: testbed
          cluster: {server: "%s", certificate-authority-data: %s}
        users:
        - name: admin
          user: {client-certificate-data: %s, client-key-data: %s}
        contexts:
        - name: admin
          context: {cluster: testbed, user: admin}
        current-context: admin
        """
        .formatted(
            c.getMasterUrl(),
            data(c.getCaCertData(), c.getCaCertFile()),
            data(c.getClientCertData(), c.getClientCertFile()),
            data(c.getClientKeyData(), c.getClientKeyFile()));
  }

  private static String data(String inline, String file) throws IOException {
    if (inline != null && !inline.isBlank()) {
      return inline;
    }
    if (file == null) {
      throw new IllegalStateException("the test bed's kubeconfig has neither data nor a file");
    }
    return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(file)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
