package dev.headroom.testbed.controlplane;

import java.nio.file.Path;
import java.util.List;

/**
 * kube-controller-manager's command line: every default controller but the cloud ones and node
 * IPAM, one service account per controller, CSR signing with the test bed CA, a 2 minute node grace
 * period, the HPA controller syncing every {@link #HPA_SYNC_PERIOD} (15 s by default; shorter so
 * that an HPA compared with Headroom in the demo, which syncs every 3 s, is not slower by its
 * period alone), and {@code qps} API requests per second (burst 1.5 times that).
 */
public record ControllerManagerFlags(Path pki, int securePort, int qps) {

  static final String CONTROLLERS =
      "*,-cloud-node-lifecycle-controller,-service-lb-controller,-node-route-controller,"
          + "-node-ipam-controller";

  public static final String HPA_SYNC_PERIOD = "5s";

  public List<String> command(Path controllerManager) {
    return ComponentFlags.command(
        controllerManager,
        pki.resolve("controller-manager.kubeconfig"),
        securePort,
        certDir(),
        List.of(
            "--controllers=" + CONTROLLERS,
            "--service-account-private-key-file=" + pki.resolve("sa.key"),
            "--root-ca-file=" + pki.resolve("ca.crt"),
            "--use-service-account-credentials=true",
            "--cluster-signing-cert-file=" + pki.resolve("ca.crt"),
            "--cluster-signing-key-file=" + pki.resolve("ca.key"),
            "--service-cluster-ip-range=" + ApiServerFlags.SERVICE_CIDR,
            "--allocate-node-cidrs=false",
            "--node-monitor-grace-period=2m",
            "--horizontal-pod-autoscaler-sync-period=" + HPA_SYNC_PERIOD,
            "--kube-api-qps=" + qps,
            "--kube-api-burst=" + qps * 3 / 2));
  }

  /** Where it writes its serving certificate. */
  public Path certDir() {
    return pki.resolve("controller-manager");
  }

  public String healthUrl() {
    return ComponentFlags.healthUrl(securePort);
  }
}
