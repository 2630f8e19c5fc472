package dev.headroom.testbed.controlplane;

import java.nio.file.Path;
import java.util.List;

/** kube-scheduler's command line: its own kubeconfig, health on 127.0.0.1, no leader election. */
public record SchedulerFlags(Path pki, int securePort) {

  public List<String> command(Path scheduler) {
    return ComponentFlags.command(
        scheduler, pki.resolve("scheduler.kubeconfig"), securePort, certDir(), List.of());
  }

  public Path certDir() {
    return pki.resolve("scheduler");
  }

  public String healthUrl() {
    return ComponentFlags.healthUrl(securePort);
  }
}
