package dev.headroom.testbed.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the openssl tool, as the test bed does. */
class PkiTest {

  @TempDir static Path dir;
  static Pki pki;

  @BeforeAll
  static void generate() {
    pki = new Pki(dir.resolve("pki"));
    pki.generate();
  }

  @Test
  void theCaSignsEveryCertificateAndTheAdminIsClusterAdmin() throws Exception {
    X509Certificate ca = read(pki.cert("ca"));
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    for (String name :
        new String[] {
          "apiserver",
          "admin",
          "controller-manager",
          "scheduler",
          Pki.FRONT_PROXY_CLIENT,
          "metrics-adapter"
        }) {
      X509Certificate cert = read(pki.cert(name));
      cert.verify(ca.getPublicKey());
      assertThat(cert.getBasicConstraints()).as(name).isEqualTo(-1);
    }
    assertThat(read(pki.cert("admin")).getSubjectX500Principal().getName())
        .contains("O=system:masters")
        .contains("CN=headroom-admin");
    assertThat(
            read(pki.cert("apiserver")).getSubjectAlternativeNames().stream()
                .map(san -> String.valueOf(san.get(1)))
                .toList())
        .contains("127.0.0.1", "10.96.0.1", "kubernetes.default.svc.cluster.local");
  }

  @Test
  void theMetricsAdapterServesForItsServiceNameAndTheFrontProxyIsAClient() throws Exception {
    X509Certificate adapter = read(pki.cert("metrics-adapter"));
    assertThat(
            adapter.getSubjectAlternativeNames().stream()
                .map(san -> String.valueOf(san.get(1)))
                .toList())
        .contains("headroom-metrics-adapter.kube-system.svc", "127.0.0.1");
    assertThat(adapter.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    X509Certificate proxy = read(pki.cert(Pki.FRONT_PROXY_CLIENT));
    assertThat(proxy.getSubjectX500Principal().getName()).isEqualTo("CN=front-proxy-client");
    assertThat(proxy.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
  }

  @Test
  void keysArePkcs1RsaAndPrivate() throws Exception {
    assertThat(Files.readString(pki.key("admin"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Files.getPosixFilePermissions(pki.dir()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(pki.dir().resolve("sa.pub")).content().startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(pki.dir()).isDirectoryNotContaining("glob:**.{csr,ext}");
  }

  @Test
  void aKubeconfigCarriesTheServerCaAndClientCertificateForFabric8() throws Exception {
    Path file = dir.resolve("kubeconfig");
    Kubeconfig.write(file, pki, "admin", "https://127.0.0.1:6443");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Config config = Config.fromKubeconfig(Files.readString(file));
    assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
    assertThat(config.getNamespace()).isEqualTo("default");
    assertThat(Base64.getDecoder().decode(config.getClientCertData()))
        .isEqualTo(Files.readAllBytes(pki.cert("admin")));
    assertThat(Base64.getDecoder().decode(config.getCaCertData()))
        .isEqualTo(Files.readAllBytes(pki.cert("ca")));
  }

  private static X509Certificate read(Path pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
  }
}
