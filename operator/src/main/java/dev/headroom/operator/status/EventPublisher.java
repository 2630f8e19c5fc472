package dev.headroom.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Writes Kubernetes Events about Headroom's resources, so that {@code kubectl describe} tells the
 * story. The same reason and message for the same object is not repeated within the dedup interval.
 * Events are written by {@code sender} (an {@link EventQueue} in the operator, off the reconcile
 * threads); a failure to write one is logged, never fatal.
 */
public final class EventPublisher {

  private static final Logger LOG = Logger.getLogger(EventPublisher.class);
  public static final String COMPONENT = "headroom-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final Duration dedupInterval;
  private final Executor sender;
  private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
  private volatile Instant nextPrune = Instant.MIN;

  /**
   * @param sender runs each write; {@code Runnable::run} writes on the caller's thread
   */
  public EventPublisher(
      KubernetesClient client, Clock clock, Duration dedupInterval, Executor sender) {
    this.client = client;
    this.clock = clock;
    this.dedupInterval = dedupInterval;
    this.sender = sender;
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
    forgetExpired(now);
    String namespace = about.getNamespace();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withGenerateName(about.getName() + ".")
            .withNamespace(namespace)
            .endMetadata()
            .withInvolvedObject(about)
            .withType(type)
            .withReason(reason)
            .withMessage(message.length() > 1024 ? message.substring(0, 1021) + "..." : message)
            .withFirstTimestamp(now.toString())
            .withLastTimestamp(now.toString())
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    sender.execute(() -> send(namespace, event));
  }

  /**
   * Past 10,000 remembered events, drops those out of the dedup interval, at most once per
   * interval: at 10,000 policies a scan on every event would cost more than the event.
   */
  private void forgetExpired(Instant now) {
    if (lastSent.size() <= 10_000 || now.isBefore(nextPrune)) {
      return;
    }
    nextPrune = now.plus(dedupInterval);
    lastSent.entrySet().removeIf(e -> e.getValue().plus(dedupInterval).isBefore(now));
  }

  private void send(String namespace, Event event) {
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (RuntimeException e) {
      LOG.warnf(
          "could not record event %s on %s: %s",
          event.getReason(), event.getInvolvedObject().getName(), e.getMessage());
    }
  }
}
