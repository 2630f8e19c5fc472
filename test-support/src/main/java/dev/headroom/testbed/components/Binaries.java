package dev.headroom.testbed.components;

import dev.headroom.testbed.TestBedException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The programs the test bed runs and their pinned versions, as {@code scripts/testbed} (which pins
 * and builds them) passes them in system properties {@code testbed.*}.
 */
public record Binaries(
    String kubeVersion,
    Path kubeDir,
    Path etcd,
    String kwokVersion,
    Path kwok,
    String pgMajor,
    Path pgBin,
    String pgExporterVersion,
    Path pgExporter,
    Path pgbouncer,
    String metricsAdapterVersion,
    Path metricsAdapter) {

  public Path apiServer() {
    return kubeDir.resolve("kube-apiserver");
  }

  public Path controllerManager() {
    return kubeDir.resolve("kube-controller-manager");
  }

  public Path scheduler() {
    return kubeDir.resolve("kube-scheduler");
  }

  public Path pg(String program) {
    return pgBin.resolve(program);
  }

  /** Reads {@code testbed.kube.version}, {@code testbed.kube.bin}, ... through {@code property}. */
  public static Binaries from(UnaryOperator<String> property) {
    return new Binaries(
        required(property, "testbed.kube.version"),
        Path.of(required(property, "testbed.kube.bin")),
        Path.of(required(property, "testbed.etcd")),
        required(property, "testbed.kwok.version"),
        Path.of(required(property, "testbed.kwok")),
        required(property, "testbed.pg.major"),
        Path.of(required(property, "testbed.pg.bin")),
        required(property, "testbed.pg.exporter.version"),
        Path.of(required(property, "testbed.pg.exporter")),
        Path.of(required(property, "testbed.pgbouncer")),
        required(property, "testbed.metrics.adapter.version"),
        Path.of(required(property, "testbed.metrics.adapter")));
  }

  private static String required(UnaryOperator<String> property, String name) {
    String value = property.apply(name);
    if (value == null || value.isEmpty()) {
      throw new TestBedException(
          "system property " + name + " is not set; run the test bed through scripts/testbed");
    }
    return value;
  }
}
