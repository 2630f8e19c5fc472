package dev.headroom.testbed.pki;

import dev.headroom.testbed.components.Layout;

/**
 * What a control plane about to start on {@code server} needs: fresh certificates, the admin
 * kubeconfig and those of the controller manager and scheduler.
 */
public final class ClusterCredentials {

  private ClusterCredentials() {}

  public static void write(Layout layout, String server) {
    Pki pki = new Pki(layout.pki());
    pki.generate();
    Kubeconfig.write(layout.kubeconfig(), pki, "admin", server);
    Kubeconfig.write(
        layout.pki().resolve("controller-manager.kubeconfig"), pki, "controller-manager", server);
    Kubeconfig.write(layout.pki().resolve("scheduler.kubeconfig"), pki, "scheduler", server);
  }
}
