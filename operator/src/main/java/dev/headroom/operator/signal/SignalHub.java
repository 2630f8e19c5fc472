package dev.headroom.operator.signal;

import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusException;
import dev.headroom.operator.prometheus.SeriesSet;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The load signals of all policies, read once per tick per distinct query (batched signals).
 *
 * <p>Policies whose signals name a shared query and pick their series by labels ({@code
 * matchLabels}) do not query Prometheus in their rounds: the hub asks each distinct query once per
 * tick and every round reads the latest answer. After a round, the policy leaves a {@link
 * SignalWatch} per signal: the band its value may move in without changing that round's outcome.
 * Each tick compares every watched value with its band and wakes only the policies whose value left
 * it (or could not be read, or could be read again). The comparison is of state, not of change, so
 * a value that left the band while its policy's round was running wakes it at the next tick.
 *
 * <p>A woken policy is not woken again until its round leaves new watches. The instant the hub
 * first saw the value that woke a policy is kept until the policy acts on it ({@link #acted}) or
 * finds nothing to do ({@link #settled}), which measures the latency from a value to the scale
 * write. Thread-safe: rounds read and watch concurrently with the ticking thread.
 */
public final class SignalHub {

  private static final Logger LOG = Logger.getLogger(SignalHub.class);
  private static final Duration FORGET_UNWATCHED = Duration.ofMinutes(2);

  /**
   * What a policy's last round left, with each signal's labels made ready for picking ({@link
   * SeriesSet.Pick}) once per round rather than once per tick.
   */
  private record Watched(List<SignalWatch> signals, List<SeriesSet.Pick> picks, boolean woken) {

    static Watched of(List<SignalWatch> signals) {
      List<SeriesSet.Pick> picks = new ArrayList<>(signals.size());
      signals.forEach(s -> picks.add(SeriesSet.Pick.of(s.selector().matchLabels())));
      return new Watched(List.copyOf(signals), List.copyOf(picks), false);
    }

    Watched asWoken() {
      return new Watched(signals, picks, true);
    }
  }

  private final PrometheusClient prometheus;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration serveLimit;
  private final int maxSeries;
  private final Map<String, SharedQuery> queries = new ConcurrentHashMap<>();
  private final Map<ResourceID, Watched> watches = new ConcurrentHashMap<>();
  private final Map<ResourceID, Instant> firstSeen = new ConcurrentHashMap<>();
  private final Runnable onWake;
  private volatile Consumer<ResourceID> waker = id -> {};

  /**
   * @param maxAge how old an answer may be and still serve a round; older ones are asked again, but
   *     while that is under way, a round takes an answer up to five times as old rather than wait
   *     ({@link SharedQuery})
   * @param maxSeries most series one shared query may return
   * @param onWake told of every policy woken (a metric)
   */
  public SignalHub(
      PrometheusClient prometheus, Clock clock, Duration maxAge, int maxSeries, Runnable onWake) {
    this.prometheus = prometheus;
    this.clock = clock;
    this.maxAge = maxAge;
    this.serveLimit = maxAge.multipliedBy(5);
    this.maxSeries = maxSeries;
    this.onWake = onWake;
  }

  /** Who is told to run a policy's round; set when the event source starts. */
  public void wakeWith(Consumer<ResourceID> waker) {
    this.waker = waker;
  }

  /**
   * The value of one signal: from the latest answer of its query when that is fresh, otherwise from
   * a query made now (one at a time per query, so a thousand rounds starting together ask
   * Prometheus once, and rounds do not wait for a query under way while a recent answer exists).
   */
  public SignalValue read(SeriesSelector selector) {
    SharedQuery q = queries.computeIfAbsent(selector.query(), SharedQuery::new);
    return q.read(clock.instant(), maxAge, serveLimit, () -> ask(q))
        .select(SeriesSet.Pick.of(selector.matchLabels()));
  }

  /** Replaces what the hub watches for {@code policy}; an empty list watches nothing. */
  public void watch(ResourceID policy, List<SignalWatch> signals) {
    Set<String> now = new HashSet<>();
    signals.forEach(s -> now.add(s.selector().query()));
    Watched before =
        signals.isEmpty() ? watches.remove(policy) : watches.put(policy, Watched.of(signals));
    if (before != null) {
      before.signals().stream()
          .map(s -> s.selector().query())
          .filter(q -> !now.contains(q))
          .forEach(
              q -> {
                SharedQuery query = queries.get(q);
                if (query != null) {
                  query.watchers.remove(policy);
                }
              });
    }
    now.forEach(q -> queries.computeIfAbsent(q, SharedQuery::new).watchers.add(policy));
  }

  /** Stops watching a policy (deleted, or no longer woken by its signals). */
  public void forget(ResourceID policy) {
    watch(policy, List.of());
    firstSeen.remove(policy);
  }

  /**
   * The policy acted on what woke it: the instant the hub first saw that value, now forgotten.
   * Empty when no value woke it.
   */
  public Optional<Instant> acted(ResourceID policy) {
    return Optional.ofNullable(firstSeen.remove(policy));
  }

  /** The policy's round found nothing left to do for what woke it. */
  public void settled(ResourceID policy) {
    firstSeen.remove(policy);
  }

  /** Forgets every policy but {@code live} (deleted policies). */
  public void retain(Set<ResourceID> live) {
    for (ResourceID id : Set.copyOf(watches.keySet())) {
      if (!live.contains(id)) {
        forget(id);
      }
    }
    firstSeen.keySet().retainAll(live);
  }

  /** Policies watched now. */
  public int watched() {
    return watches.size();
  }

  /** Distinct queries asked every tick. */
  public int sharedQueries() {
    return (int) queries.values().stream().filter(q -> !q.watchers.isEmpty()).count();
  }

  /** One tick: every watched query once, then every watcher against its band. */
  public void tick() {
    Instant started = clock.instant();
    for (SharedQuery q : queries.values()) {
      if (q.watchers.isEmpty()) {
        QueryAnswer last = q.latest();
        if (last == null || last.at().isBefore(started.minus(FORGET_UNWATCHED))) {
          queries.remove(q.promql, q);
        }
        continue;
      }
      QueryAnswer a = q.refresh(() -> ask(q));
      for (ResourceID id : q.watchers) {
        check(id, q.promql, a);
      }
    }
  }

  private void check(ResourceID id, String promql, QueryAnswer answer) {
    Watched w = watches.get(id);
    if (w == null || w.woken()) {
      return;
    }
    for (int i = 0; i < w.signals().size(); i++) {
      SignalWatch s = w.signals().get(i);
      if (s.selector().query().equals(promql) && s.leftBy(answer.select(w.picks().get(i)))) {
        if (watches.replace(id, w, w.asWoken())) {
          firstSeen.putIfAbsent(id, answer.at());
          LOG.debugf("wake %s: %s left %s", id, s.selector(), s.band());
          onWake.run();
          waker.accept(id);
        }
        return;
      }
    }
  }

  /** A new answer to {@code q}, read against its last one (see {@link SeriesSet}). */
  private QueryAnswer ask(SharedQuery q) {
    Instant at = clock.instant();
    QueryAnswer last = q.latest();
    SeriesSet previous = last == null ? null : last.series().orElse(null);
    try {
      return QueryAnswer.of(
          prometheus.instantVector(q.promql, at, maxSeries, previous), clock.instant());
    } catch (PrometheusException e) {
      LOG.debugf("shared query %s failed: %s", q.promql, e.getMessage());
      return QueryAnswer.failed(e, clock.instant());
    }
  }
}
