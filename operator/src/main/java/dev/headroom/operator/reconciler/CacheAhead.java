package dev.headroom.operator.reconciler;

import dev.headroom.operator.workload.SlimItemStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.function.Consumer;

/**
 * Moves a controller's cache ahead to the resource a round just wrote, so that the next round reads
 * what was stored rather than the copy the informer still holds (and meets no conflict of its own
 * making).
 */
final class CacheAhead {

  private CacheAhead() {}

  /** Receives what the API server stored in place of {@code cached}. */
  static <P extends HasMetadata> Consumer<P> of(Context<P> context, P cached) {
    return written -> {
      // Kept until the watch delivers it; without managedFields, as the informer's store keeps it
      // (a budget's field ownership tree names every consumer).
      SlimItemStore.trimMetadata(written);
      context
          .eventSourceRetriever()
          .getControllerEventSource()
          .handleRecentResourceUpdate(ResourceID.fromResource(written), written, cached);
    };
  }
}
