package dev.headroom.testbed.controlplane;

import java.nio.file.Path;
import java.util.List;

/**
 * kwok's command line and configuration file. It manages only the nodes annotated {@code
 * kwok.x-k8s.io/node=fake}. Node leases (renewed every 10 s) are the nodes' heartbeat: without them
 * kwok posts node status only every ~10 min, the node lifecycle controller marks the nodes and
 * their pods NotReady, and no kubelet ever marks those pods Ready again, so rollouts hang.
 */
public record KwokFlags(Path config, Path kubeconfig) {

  public static final String POD_CIDR = "10.244.0.1/16";
  public static final String NODE_ANNOTATION = "kwok.x-k8s.io/node";

  static final String CONFIG =
      """
      apiVersion: config.kwok.x-k8s.io/v1alpha1
      kind: KwokConfiguration
      options: {}
      """;

  public List<String> command(Path kwok) {
    return List.of(
        kwok.toString(),
        "--config=" + config,
        "--kubeconfig=" + kubeconfig,
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=" + NODE_ANNOTATION + "=fake",
        "--cidr=" + POD_CIDR,
        "--node-ip=127.0.0.1",
        "--node-lease-duration-seconds=40");
  }

  /** The text of {@link #config()}: kwok's defaults. */
  public String configText() {
    return CONFIG;
  }
}
