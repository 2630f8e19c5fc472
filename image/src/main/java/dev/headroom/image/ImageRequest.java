package dev.headroom.image;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to build: the Quarkus fast-jar to put in, where to work and write, and the names and labels
 * the image carries.
 *
 * @param quarkusApp {@code operator/target/quarkus-app}
 * @param workDir scratch space for the linked Java runtime and generated files; emptied first
 * @param tar the OCI image tarball to write
 * @param image the reference stored in the tarball, e.g. {@code ghcr.io/o/headroom-operator:0.1.0}
 * @param version {@code org.opencontainers.image.version}
 * @param revision {@code org.opencontainers.image.revision}, the source commit
 * @param source {@code org.opencontainers.image.source}, the repository's address
 * @param jdkHome the JDK whose {@code jlink} and {@code jmods} make the image's Java runtime
 */
record ImageRequest(
    Path quarkusApp,
    Path workDir,
    Path tar,
    String image,
    String version,
    String revision,
    String source,
    Path jdkHome) {

  private static final List<String> REQUIRED =
      List.of("quarkus-app", "work-dir", "tar", "image", "version", "revision", "source");

  /** Parses {@code --name=value} arguments; {@code --jdk} defaults to the running JDK. */
  static ImageRequest parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
      }
      String name = arg.substring(2, eq);
      if (!REQUIRED.contains(name) && !name.equals("jdk")) {
        throw new IllegalArgumentException(
            "unknown option --" + name + "; the options are " + REQUIRED + " and jdk");
      }
      values.put(name, arg.substring(eq + 1));
    }
    for (String name : REQUIRED) {
      if (values.getOrDefault(name, "").isBlank()) {
        throw new IllegalArgumentException("missing --" + name + "=...");
      }
    }
    return new ImageRequest(
        Path.of(values.get("quarkus-app")),
        Path.of(values.get("work-dir")),
        Path.of(values.get("tar")),
        values.get("image"),
        values.get("version"),
        values.get("revision"),
        values.get("source"),
        Path.of(values.getOrDefault("jdk", System.getProperty("java.home"))));
  }
}
