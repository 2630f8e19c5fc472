package dev.headroom.testbed.controlplane;

import java.nio.file.Path;
import java.util.List;

/** kube-scheduler's command line: its own kubeconfig, health on 127.0.0.1, no leader election. */
public record SchedulerFlags(Path pki, int securePort) {

  public List<String> command(Path scheduler) {
    String kubeconfig = pki.resolve("scheduler.kubeconfig").toString();
    return List.of(
        scheduler.toString(),
        "--kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--bind-address=127.0.0.1",
        "--secure-port=" + securePort,
        "--cert-dir=" + certDir(),
        "--leader-elect=false",
        "--profiling=false",
        "--v=1");
  }

  public Path certDir() {
    return pki.resolve("scheduler");
  }

  public String healthUrl() {
    return "https://127.0.0.1:" + securePort + "/healthz";
  }
}
