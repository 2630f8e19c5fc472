package dev.headroom.operator.status;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Writes Kubernetes Events about Headroom's resources, so that {@code kubectl describe} tells the
 * story. The same reason and message for the same object is not repeated within the dedup interval.
 * A failure to write an event is logged, never fatal.
 */
public final class EventPublisher {

  private static final Logger LOG = Logger.getLogger(EventPublisher.class);
  public static final String COMPONENT = "headroom-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final Duration dedupInterval;
  private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

  public EventPublisher(KubernetesClient client, Clock clock, Duration dedupInterval) {
    this.client = client;
    this.clock = clock;
    this.dedupInterval = dedupInterval;
  }

  public void normal(HasMetadata about, String reason, String message) {
    publish(about, "Normal", reason, message);
  }

  public void warning(HasMetadata about, String reason, String message) {
    publish(about, "Warning", reason, message);
  }

  /**
   * A Normal Event about a workload Headroom changed, so that {@code kubectl describe} of the
   * workload tells it too; nothing is sent without the workload's uid.
   */
  public void normal(ObjectReference workload, String reason, String message) {
    if (workload.getUid() == null || workload.getUid().isEmpty()) {
      return;
    }
    publish(workload, "Normal", reason, message);
  }

  private void publish(HasMetadata about, String type, String reason, String message) {
    publish(
        new ObjectReferenceBuilder()
            .withApiVersion(about.getApiVersion())
            .withKind(about.getKind())
            .withName(about.getMetadata().getName())
            .withNamespace(about.getMetadata().getNamespace())
            .withUid(about.getMetadata().getUid())
            .withResourceVersion(about.getMetadata().getResourceVersion())
            .build(),
        type,
        reason,
        message);
  }

  private void publish(ObjectReference about, String type, String reason, String message) {
    Instant now = clock.instant();
    String key = about.getUid() + "|" + reason + "|" + message;
    Instant previous = lastSent.get(key);
    if (previous != null && previous.plus(dedupInterval).isAfter(now)) {
      return;
    }
    lastSent.put(key, now);
    if (lastSent.size() > 10_000) {
      lastSent.entrySet().removeIf(e -> e.getValue().plus(dedupInterval).isBefore(now));
    }
    String namespace = about.getNamespace();
    try {
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withGenerateName(about.getName() + ".")
                  .withNamespace(namespace)
                  .endMetadata()
                  .withInvolvedObject(about)
                  .withType(type)
                  .withReason(reason)
                  .withMessage(
                      message.length() > 1024 ? message.substring(0, 1021) + "..." : message)
                  .withFirstTimestamp(now.toString())
                  .withLastTimestamp(now.toString())
                  .withCount(1)
                  .withNewSource()
                  .withComponent(COMPONENT)
                  .endSource()
                  .withReportingComponent(COMPONENT)
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.warnf("could not record event %s on %s: %s", reason, about.getName(), e.getMessage());
    }
  }
}
