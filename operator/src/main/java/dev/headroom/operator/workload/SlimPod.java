package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A cached pod as a round reads it ({@link WorkloadReader}, the pool deliveries): labels (the
 * selector), annotations (Annotation delivery), deletion time, phase, the Ready condition, and each
 * container's name and env (Env delivery). The rest of a pod (volumes, probes, container statuses,
 * and most of its conditions) is dropped.
 */
final class SlimPod {

  private SlimPod() {}

  static Pod of(Pod full) {
    Pod slim = new Pod();
    slim.setApiVersion(full.getApiVersion());
    slim.setKind(full.getKind());
    slim.setMetadata(SlimMetadata.copy(full.getMetadata()));
    PodSpec spec = new PodSpec();
    List<Container> containers = new ArrayList<>();
    if (full.getSpec() != null && full.getSpec().getContainers() != null) {
      for (Container c : full.getSpec().getContainers()) {
        Container kept = new Container();
        kept.setName(c.getName());
        kept.setEnv(c.getEnv());
        containers.add(kept);
      }
    }
    spec.setContainers(containers);
    slim.setSpec(spec);
    if (full.getStatus() != null) {
      PodStatus status = new PodStatus();
      status.setPhase(full.getStatus().getPhase());
      List<PodCondition> conditions = new ArrayList<>(1);
      if (full.getStatus().getConditions() != null) {
        for (PodCondition c : full.getStatus().getConditions()) {
          if ("Ready".equals(c.getType())) {
            PodCondition ready = new PodCondition();
            ready.setType(c.getType());
            ready.setStatus(c.getStatus());
            conditions.add(ready);
          }
        }
      }
      status.setConditions(conditions);
      slim.setStatus(status);
    }
    return slim;
  }
}
