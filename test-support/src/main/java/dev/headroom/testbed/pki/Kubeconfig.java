package dev.headroom.testbed.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/** A kubeconfig for one of the test bed's users, certificates inline, mode 600. */
public final class Kubeconfig {

  private Kubeconfig() {}

  /**
   * Writes a kubeconfig for {@code user} (whose cert and key are in {@code pki}) to {@code file}.
   */
  public static void write(Path file, Pki pki, String user, String server) {
    String text =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: headroom-testbed
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: %s
          user:
            client-certificate-data: %s
            client-key-data: %s
        contexts:
        - name: headroom-testbed
          context:
            cluster: headroom-testbed
            user: %s
            namespace: default
        current-context: headroom-testbed
        """
            .formatted(
                server,
                base64(pki.cert("ca")),
                user,
                base64(pki.cert(user)),
                base64(pki.key(user)),
                user);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String base64(Path file) throws UncheckedIOException {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
