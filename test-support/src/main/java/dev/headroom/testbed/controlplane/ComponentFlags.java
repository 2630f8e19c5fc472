package dev.headroom.testbed.controlplane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What kube-controller-manager and kube-scheduler are both started with: their own kubeconfig for
 * the API server and for authenticating and authorizing their health endpoint, served on 127.0.0.1
 * with a self-signed certificate, no leader election (one of each), no profiling.
 */
final class ComponentFlags {

  private ComponentFlags() {}

  /** The command line: the binary, the shared flags, then {@code own}. */
  static List<String> command(
      Path binary, Path kubeconfig, int securePort, Path certDir, List<String> own) {
    List<String> out = new ArrayList<>();
    out.add(binary.toString());
    out.add("--kubeconfig=" + kubeconfig);
    out.add("--authentication-kubeconfig=" + kubeconfig);
    out.add("--authorization-kubeconfig=" + kubeconfig);
    out.add("--bind-address=127.0.0.1");
    out.add("--secure-port=" + securePort);
    out.add("--cert-dir=" + certDir);
    out.add("--leader-elect=false");
    out.addAll(own);
    out.add("--profiling=false");
    out.add("--v=1");
    return List.copyOf(out);
  }

  static String healthUrl(int securePort) {
    return "https://127.0.0.1:" + securePort + "/healthz";
  }
}
