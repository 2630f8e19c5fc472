package dev.headroom.testbed.connections;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One HikariCP pool per Running pod, sized to the pod's pool and kept full ({@code minimumIdle =
 * maximumPoolSize}), as the pod's role, to the pod's server: the pod's connections are really open
 * on PostgreSQL (or on PgBouncer, which serves them on server connections of its own). A pod that
 * terminates (or stops running) keeps them for the exit delay, then its pool is closed. A pool that
 * changes on a live pod (annotation delivery) is closed before the new one opens, so a pod never
 * holds more than the larger of the two.
 */
public final class PodConnections implements ResourceEventHandler<Pod>, AutoCloseable {

  private final EmulatorOptions options;
  private final PodPoolReader reader;
  private final PodEnvReader roles;
  private final PodEnvReader urls;
  private final Consumer<String> log;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "exit-delay");
            t.setDaemon(true);
            return t;
          });
  // Closing a Hikari pool waits for a connection attempt in flight: closes run in parallel and
  // outside the lock, so that one slow close neither delays the others nor the pod events.
  private final ExecutorService closer =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "pool-closer");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Held> pools = new HashMap<>(); // pod uid -> its pool

  private record Held(String pod, int size, HikariDataSource pool, boolean closing) {}

  public PodConnections(EmulatorOptions options, Consumer<String> log) {
    this.options = options;
    this.reader = new PodPoolReader(options.poolEnv(), options.poolAnnotation());
    this.roles = new PodEnvReader(options.userEnv());
    this.urls = new PodEnvReader(options.urlEnv());
    this.log = log;
  }

  @Override
  public void onAdd(Pod pod) {
    update(pod);
  }

  @Override
  public void onUpdate(Pod before, Pod pod) {
    update(pod);
  }

  @Override
  public void onDelete(Pod pod, boolean finalStateUnknown) {
    release(pod.getMetadata().getUid());
  }

  private synchronized void update(Pod pod) {
    String uid = pod.getMetadata().getUid();
    OptionalInt size = reader.pool(pod);
    if (!PodPoolReader.holds(pod) || size.isEmpty()) {
      release(uid);
      return;
    }
    Held held = pools.get(uid);
    if (held != null && (held.closing() || held.size() == size.getAsInt())) {
      return;
    }
    if (held != null) {
      held.pool().close();
      log.accept("pod " + held.pod() + " pool " + held.size() + " → " + size.getAsInt());
    }
    String name = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    pools.put(
        uid,
        new Held(
            name,
            size.getAsInt(),
            open(
                name,
                urls.value(pod).orElse(options.jdbcUrl()),
                roles.value(pod).orElse(options.user()),
                size.getAsInt()),
            false));
    if (held == null) {
      log.accept("pod " + name + " opens " + size.getAsInt() + " connections");
    }
  }

  private synchronized void release(String uid) {
    Held held = pools.get(uid);
    if (held == null || held.closing()) {
      return;
    }
    pools.put(uid, new Held(held.pod(), held.size(), held.pool(), true));
    timer.schedule(() -> close(uid), options.exitDelay().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void close(String uid) {
    Held held;
    synchronized (this) {
      held = pools.remove(uid);
    }
    if (held != null) {
      closer.execute(
          () -> {
            held.pool().close();
            log.accept("pod " + held.pod() + " closed its " + held.size() + " connections");
          });
    }
  }

  private HikariDataSource open(String pod, String url, String role, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(role);
    config.setPoolName(pod);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setMaxLifetime(0); // never retire a connection: the pod holds it
    config.setKeepaliveTime(0);
    config.setInitializationFailTimeout(-1); // a refusing server ("too many clients") is retried
    config.addDataSourceProperty("ApplicationName", "headroom-pod " + pod);
    return new HikariDataSource(config);
  }

  /** Connections the pools hold open now, and how many pods they belong to. */
  public synchronized String summary() {
    int open = 0;
    int wanted = 0;
    for (Held h : pools.values()) {
      open +=
          h.pool().getHikariPoolMXBean() == null
              ? 0
              : h.pool().getHikariPoolMXBean().getTotalConnections();
      wanted += h.size();
    }
    return pools.size() + " pods, " + open + " of " + wanted + " connections open";
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    closer.shutdownNow();
    pools.values().forEach(h -> h.pool().close());
    pools.clear();
  }
}
