package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * One kind of object, cached by a watch per namespace, started on first use. Only namespaces that
 * hold policies are watched, which also works where the operator may only read the namespaces it is
 * given (namespace-scoped mode). When a watch cannot start (no list/watch permission, the API is
 * not installed, a timeout) the answer is empty and callers ask the API server, as before caches
 * existed; another start is tried after {@code retryAfter}.
 */
final class NamespacedCache<T extends HasMetadata> {

  private static final Logger LOG = Logger.getLogger(NamespacedCache.class);

  private record Entry<T extends HasMetadata>(SharedIndexInformer<T> informer, Instant failedAt) {}

  private final String what;
  private final Function<String, SharedIndexInformer<T>> factory;
  private final Map<String, Function<T, List<String>>> indexers;
  private final Duration syncTimeout;
  private final Duration retryAfter;
  private final Clock clock;
  private final Supplier<Boolean> available;
  private final UnaryOperator<T> slimmer;
  private final Map<String, Entry<T>> byNamespace = new ConcurrentHashMap<>();
  private volatile ChangeListener<T> listener;

  /**
   * Told of objects that were added after a watch synced, changed as {@code relevant} says, or
   * deleted.
   */
  interface ChangeListener<T> {
    boolean relevant(T before, T now);

    void changed(T object);
  }

  /**
   * @param factory a not yet started informer of one namespace
   * @param available whether the API exists at all (asked before each start)
   * @param slimmer what of an object the cache keeps ({@link SlimItemStore})
   */
  NamespacedCache(
      String what,
      Function<String, SharedIndexInformer<T>> factory,
      Map<String, Function<T, List<String>>> indexers,
      Supplier<Boolean> available,
      UnaryOperator<T> slimmer,
      Duration syncTimeout,
      Duration retryAfter,
      Clock clock) {
    this.what = what;
    this.factory = factory;
    this.indexers = indexers;
    this.available = available;
    this.slimmer = slimmer;
    this.syncTimeout = syncTimeout;
    this.retryAfter = retryAfter;
    this.clock = clock;
  }

  /** The synced informer of {@code namespace}, or empty when the API server must be asked. */
  Optional<SharedIndexInformer<T>> in(String namespace) {
    Entry<T> entry =
        byNamespace.compute(
            namespace,
            (ns, e) -> {
              if (e != null
                  && (e.informer() != null
                      || clock.instant().isBefore(e.failedAt().plus(retryAfter)))) {
                return e;
              }
              return start(ns);
            });
    return Optional.ofNullable(entry.informer());
  }

  /** Tells {@code listener} of changes seen by the watches started from now on. */
  void listen(ChangeListener<T> listener) {
    this.listener = listener;
  }

  Optional<T> get(String namespace, String name) {
    return in(namespace).map(i -> i.getStore().getByKey(namespace + "/" + name));
  }

  /** Every cached object of {@code namespace}, or empty when the API server must be asked. */
  Optional<List<T>> list(String namespace) {
    return in(namespace).map(i -> i.getStore().list());
  }

  Optional<List<T>> byIndex(String namespace, String index, String key) {
    return in(namespace).map(i -> i.getIndexer().byIndex(index, key));
  }

  void close() {
    byNamespace
        .values()
        .forEach(
            e -> {
              if (e.informer() != null) {
                e.informer().close();
              }
            });
  }

  private Entry<T> start(String namespace) {
    SharedIndexInformer<T> informer = null;
    try {
      if (!available.get()) {
        return new Entry<>(null, clock.instant());
      }
      informer = factory.apply(namespace);
      informer.itemStore(new SlimItemStore<>(slimmer));
      if (!indexers.isEmpty()) {
        informer.addIndexers(indexers);
      }
      ChangeListener<T> l = listener;
      if (l != null) {
        informer.addEventHandler(new Forwarder<>(informer, l, slimmer));
      }
      informer.start().toCompletableFuture().get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Entry<>(informer, null);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (informer != null) {
        informer.close();
      }
      LOG.warnf(
          "cannot watch %s in namespace %s (%s); asking the API server instead, retrying in %s",
          what,
          namespace,
          e.getCause() != null ? e.getCause().getMessage() : e.getMessage(),
          retryAfter);
      return new Entry<>(null, clock.instant());
    }
  }

  /**
   * Forwards watch events; the initial list of a new watch is not a change. An update compares the
   * cached object with the new one as the cache will keep it: the informer hands over the whole new
   * object, but the old one as its store kept it.
   */
  private record Forwarder<T extends HasMetadata>(
      SharedIndexInformer<T> informer, ChangeListener<T> listener, UnaryOperator<T> slimmer)
      implements ResourceEventHandler<T> {
    @Override
    public void onAdd(T obj) {
      if (informer.hasSynced()) {
        listener.changed(obj);
      }
    }

    @Override
    public void onUpdate(T before, T now) {
      if (listener.relevant(before, slimmer.apply(now))) {
        listener.changed(now);
      }
    }

    @Override
    public void onDelete(T obj, boolean finalStateUnknown) {
      listener.changed(obj);
    }
  }
}
