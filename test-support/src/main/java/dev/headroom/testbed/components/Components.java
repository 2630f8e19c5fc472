package dev.headroom.testbed.components;

import java.util.List;

/** The test bed's processes by name, in start order: the control plane, then the extras. */
public final class Components {

  public static final List<String> CORE =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok");

  public static final List<String> EXTRA =
      List.of(
          "prometheus",
          "load-exporter",
          "metrics-adapter",
          "postgres",
          "postgres-exporter",
          "connections",
          "pgbouncer");

  public static final List<String> ALL =
      java.util.stream.Stream.concat(CORE.stream(), EXTRA.stream()).toList();

  private Components() {}
}
