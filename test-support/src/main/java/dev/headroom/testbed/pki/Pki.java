package dev.headroom.testbed.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The test bed's keys and certificates in {@code pki/}: a CA, the API server's serving certificate,
 * client certificates for the admin, controller manager and scheduler, the API server's front-proxy
 * client certificate (how it signs in to an aggregated API such as the external metrics adapter,
 * which then trusts the user it names), the metrics adapter's serving certificate, and the
 * service-account signing key pair. One CA signs all of them: a production cluster keeps a separate
 * front-proxy CA, so that no ordinary client certificate can name a user to an aggregated API; the
 * test bed's only clients are its own.
 *
 * <p>Made with the openssl tool, as before in the shell script: every client reads its PEM files,
 * and it keeps the test bed free of a cryptography library. Keys are RSA 2048 in PKCS#1 form, which
 * Fabric8 reads without BouncyCastle (it cannot read EC keys then).
 */
public final class Pki {

  private static final String CLIENT =
      """
      basicConstraints=CA:FALSE
      keyUsage=critical,digitalSignature,keyEncipherment
      extendedKeyUsage=clientAuth
      """;

  private static final String API_SERVER =
      """
      basicConstraints=CA:FALSE
      keyUsage=critical,digitalSignature,keyEncipherment
      extendedKeyUsage=serverAuth
      subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
      """;

  /** The name the API server checks the metrics adapter's certificate for: its Service's. */
  public static final String METRICS_ADAPTER_HOST = "headroom-metrics-adapter.kube-system.svc";

  private static final String METRICS_ADAPTER =
      """
      basicConstraints=CA:FALSE
      keyUsage=critical,digitalSignature,keyEncipherment
      extendedKeyUsage=serverAuth
      subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:%s
      """
          .formatted(METRICS_ADAPTER_HOST);

  /** The common name of the API server's front-proxy client certificate. */
  public static final String FRONT_PROXY_CLIENT = "front-proxy-client";

  private final Path dir;

  public Pki(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path cert(String name) {
    return dir.resolve(name + ".crt");
  }

  public Path key(String name) {
    return dir.resolve(name + ".key");
  }

  /** Replaces {@code pki/} with a fresh CA and every certificate and key the test bed uses. */
  public void generate() {
    Openssl.require();
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rsaKey(key("ca"));
    Openssl.run(
        "req",
        "-x509",
        "-new",
        "-key",
        key("ca").toString(),
        "-subj",
        "/CN=headroom-testbed-ca",
        "-days",
        "3650",
        "-sha256",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
        "-out",
        cert("ca").toString());
    signed("apiserver", "/CN=kube-apiserver", API_SERVER);
    signed("admin", "/O=system:masters/CN=headroom-admin", CLIENT);
    signed("controller-manager", "/CN=system:kube-controller-manager", CLIENT);
    signed("scheduler", "/CN=system:kube-scheduler", CLIENT);
    signed(FRONT_PROXY_CLIENT, "/CN=" + FRONT_PROXY_CLIENT, CLIENT);
    signed("metrics-adapter", "/CN=headroom-metrics-adapter", METRICS_ADAPTER);
    Openssl.run(
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
        "-out",
        key("sa").toString());
    Openssl.run(
        "pkey", "-in", key("sa").toString(), "-pubout", "-out", dir.resolve("sa.pub").toString());
  }

  private static void rsaKey(Path key) {
    Openssl.run("genrsa", "-traditional", "-out", key.toString(), "2048");
  }

  private void signed(String name, String subject, String extensions) {
    Path csr = dir.resolve(name + ".csr");
    Path ext = dir.resolve(name + ".ext");
    rsaKey(key(name));
    Openssl.run(
        "req", "-new", "-key", key(name).toString(), "-subj", subject, "-out", csr.toString());
    try {
      Files.writeString(ext, extensions);
      Openssl.run(
          "x509",
          "-req",
          "-in",
          csr.toString(),
          "-CA",
          cert("ca").toString(),
          "-CAkey",
          key("ca").toString(),
          "-CAcreateserial",
          "-days",
          "3650",
          "-sha256",
          "-extfile",
          ext.toString(),
          "-out",
          cert(name).toString());
      Files.delete(csr);
      Files.delete(ext);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
