package dev.headroom.testbed.components;

import java.nio.file.Path;

/**
 * Where a test bed keeps its state ({@code HEADROOM_TESTBED_DIR}, default {@code <repo>/.testbed}):
 * {@code run/} (pids, ports), {@code logs/}, {@code pki/}, {@code data/}, {@code prometheus/},
 * {@code kubeconfig}.
 */
public record Layout(Path state) {

  public Path run() {
    return state.resolve("run");
  }

  public Path logs() {
    return state.resolve("logs");
  }

  /** kube-apiserver's audit log of scale writes (see controlplane.ApiServerFlags). */
  public Path apiServerAudit() {
    return logs().resolve("kube-apiserver-audit.log");
  }

  public Path pki() {
    return state.resolve("pki");
  }

  public Path data() {
    return state.resolve("data");
  }

  public Path prometheus() {
    return state.resolve("prometheus");
  }

  public Path loadDir() {
    return prometheus().resolve("load");
  }

  public Path kubeconfig() {
    return state.resolve("kubeconfig");
  }

  public Path kwokConfig() {
    return state.resolve("kwok.yaml");
  }

  /** Marks a test bed that tests brought up; see TestBed. */
  public Path startedByTests() {
    return state.resolve("users/started-by-tests");
  }
}
