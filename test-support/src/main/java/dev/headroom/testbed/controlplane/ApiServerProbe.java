package dev.headroom.testbed.controlplane;

import dev.headroom.testbed.process.ReadinessProbe;
import java.nio.file.Path;

/**
 * kube-apiserver's {@code /readyz}, asked as the admin user with the test bed's certificates,
 * waiting up to 5 s for an answer.
 */
public final class ApiServerProbe {

  private ApiServerProbe() {}

  public static ReadinessProbe readyz(Path pki, int port) {
    return ReadinessProbe.http(
        "https://127.0.0.1:" + port + "/readyz",
        "--max-time",
        "5",
        "--cacert",
        pki.resolve("ca.crt").toString(),
        "--cert",
        pki.resolve("admin.crt").toString(),
        "--key",
        pki.resolve("admin.key").toString());
  }
}
