package dev.headroom.operator.prometheus;

import static dev.headroom.operator.prometheus.Answers.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.headroom.operator.prometheus.PrometheusException.Unreachable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS settings against an HTTPS fake whose self-signed certificates are made with the JDK's
 * keytool: one valid for 127.0.0.1, one for another host name only.
 */
class PrometheusTlsTest {

  static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;
  static Path rightNameStore;
  static Path rightNameCa;
  static Path wrongNameStore;
  static Path wrongNameCa;

  FakePrometheus prometheus;

  @BeforeAll
  static void makeCertificates() throws Exception {
    rightNameStore = dir.resolve("right.p12");
    rightNameCa = dir.resolve("right.pem");
    wrongNameStore = dir.resolve("wrong.p12");
    wrongNameCa = dir.resolve("wrong.pem");
    makeCertificate(rightNameStore, rightNameCa, "ip:127.0.0.1");
    makeCertificate(wrongNameStore, wrongNameCa, "dns:prometheus.elsewhere.example");
  }

  private static void makeCertificate(Path store, Path pem, String san) throws Exception {
    keytool(
        "-genkeypair",
        "-alias",
        "prometheus",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=prometheus",
        "-ext",
        "SAN=" + san,
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit");
    Files.writeString(pem, pem(load(store).getCertificate("prometheus").getEncoded()));
  }

  private static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }

  private static KeyStore load(Path store) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    return keys;
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private FakePrometheus serve(Path store) throws Exception {
    KeyStore keys = load(store);
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(factory.getKeyManagers(), null, null);
    prometheus = FakePrometheus.startHttps(tls);
    prometheus.answer(FakePrometheus.json(200, vector("1")));
    return prometheus;
  }

  @AfterEach
  void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void trustsTheConfiguredCa() throws Exception {
    FakePrometheus https = serve(rightNameStore);
    PrometheusClient client =
        new PrometheusClient(PrometheusEndpoint.of(https.url()).withCaFile(rightNameCa));

    assertThat(client.instantValue("up", Instant.EPOCH)).isEqualTo(1.0);
  }

  @Test
  void anUnknownCaIsATlsFailure() throws Exception {
    FakePrometheus https = serve(rightNameStore);
    PrometheusClient client = new PrometheusClient(PrometheusEndpoint.of(https.url()));

    Unreachable failure =
        catchThrowableOfType(Unreachable.class, () -> client.instantValue("up", Instant.EPOCH));

    assertThat(failure)
        .hasMessage(
            "Prometheus at "
                + https.url()
                + " is unreachable: TLS handshake failed (the certificate is not signed by a"
                + " trusted CA)");
    assertThat(https.requests()).isEmpty();
  }

  @Test
  void aCertificateForAnotherHostIsATlsFailureEvenWithItsCa() throws Exception {
    FakePrometheus https = serve(wrongNameStore);
    PrometheusClient client =
        new PrometheusClient(PrometheusEndpoint.of(https.url()).withCaFile(wrongNameCa));

    assertThat(
            catchThrowableOfType(Unreachable.class, () -> client.instantValue("up", Instant.EPOCH)))
        .hasMessageEndingWith(
            " is unreachable: TLS handshake failed (the certificate is not valid for 127.0.0.1)");
    assertThat(https.requests()).isEmpty();
  }

  @Test
  void insecureSkipTlsVerifySkipsBothTheChainAndTheHostName() throws Exception {
    FakePrometheus https = serve(wrongNameStore);
    PrometheusClient client =
        new PrometheusClient(PrometheusEndpoint.of(https.url()).withInsecureSkipTlsVerify(true));

    assertThat(client.instantValue("up", Instant.EPOCH)).isEqualTo(1.0);
  }

  @Test
  void anUnusableCaFileStopsTheClientFromBeingBuilt() throws Exception {
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
    Path missing = dir.resolve("missing.pem");

    assertThatThrownBy(
            () ->
                new PrometheusClient(
                    PrometheusEndpoint.of(java.net.URI.create("https://prom:9090"))
                        .withCaFile(notPem)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot read Prometheus CA file " + notPem);
    assertThatThrownBy(
            () ->
                new PrometheusClient(
                    PrometheusEndpoint.of(java.net.URI.create("https://prom:9090"))
                        .withCaFile(missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot read Prometheus CA file " + missing);
  }
}
