package dev.headroom.testbed.controlplane;

import dev.headroom.testbed.components.Components;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.process.Daemons;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Whether the control plane is up (every core process alive and the API server ready), down
 * (nothing recorded, no kubeconfig) or partial (anything between: a crashed or killed run).
 */
public enum CoreState {
  UP,
  DOWN,
  PARTIAL;

  /** The state from counts of the core processes; {@code apiReady} is asked only if all live. */
  static CoreState of(
      int alive, int recorded, int components, boolean kubeconfigExists, BooleanSupplier apiReady) {
    if (alive == components && apiReady.getAsBoolean()) {
      return UP;
    }
    if (recorded == 0 && !kubeconfigExists) {
      return DOWN;
    }
    return PARTIAL;
  }

  public static CoreState detect(Layout layout, Daemons daemons) {
    int alive = 0;
    int recorded = 0;
    for (String name : Components.CORE) {
      alive += daemons.alive(name) ? 1 : 0;
      recorded += daemons.recorded(name) ? 1 : 0;
    }
    return of(
        alive,
        recorded,
        Components.CORE.size(),
        Files.exists(layout.kubeconfig()),
        () ->
            daemons
                .port("kube-apiserver")
                .map(port -> ApiServerProbe.readyz(layout.pki(), port).ready())
                .orElse(false));
  }

  /**
   * What a partial run left: {@code etcd alive,kube-apiserver dead}, or {@code no live process}.
   */
  public static String describePartial(Daemons daemons) {
    List<String> out = new ArrayList<>();
    for (String name : Components.ALL) {
      if (daemons.alive(name)) {
        out.add(name + " alive");
      } else if (daemons.recorded(name)) {
        out.add(name + " dead");
      }
    }
    return out.isEmpty() ? "no live process" : String.join(",", out);
  }
}
