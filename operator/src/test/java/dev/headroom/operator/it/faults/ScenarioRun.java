package dev.headroom.operator.it.faults;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.api.v1alpha1.ConsumerPhase;
import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.PoolSizeRange;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.it.ConnectionSampler;
import dev.headroom.operator.it.UserEdit;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * One scenario on the live cluster, in its own namespace: creates its budgets, Deployments and
 * policies, plays its timeline of loads and user edits, is sampled by the {@link ClusterSampler},
 * and afterwards is checked for convergence and consistency.
 */
final class ScenarioRun {

  static final String POOL_ENV = "DB_POOL_SIZE";

  /** The role the connection emulator opens a pod's pool as. */
  static final String ROLE_ENV = "DB_USER";

  /** The label the connection emulator selects pods by. */
  static final String CONNECTIONS_LABEL = "headroom.dev/connections";

  static final String LOAD_METRIC = "headroom_fault_load";
  static final int INITIAL_POOL = 5;

  /**
   * Before the first convergence check: a scrape (1 s), a sync period (2 s) and a margin, so that
   * the final loads have reached a decision.
   */
  static final long SETTLE_MILLIS = 5_000;

  /** How long a budget-below-usage step waits for usage to rise above the guarantees. */
  static final long USAGE_WAIT_MILLIS = 8_000;

  private final Scenario scenario;
  private final String namespace;
  private final KubernetesClient admin;
  private final Prometheus prometheus;
  private final Map<String, BudgetWatch> watches = new LinkedHashMap<>();

  /** The same rules, on what PostgreSQL counts for each budget's role. */
  private final Map<String, BudgetWatch> databaseWatches = new LinkedHashMap<>();

  /** Each budget's status as the last cluster sample saw it: available, held (-1: none). */
  private final Map<String, long[]> lastStatus = new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, String> budgetOf = new HashMap<>();
  private final Map<FaultKind, Integer> faults = new EnumMap<>(FaultKind.class);
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong databaseSamples = new AtomicLong();
  private final AtomicLong podConnectionSum = new AtomicLong();
  private final AtomicLong databaseConnectionSum = new AtomicLong();
  private final List<String> problems = new ArrayList<>();
  private volatile String unconverged = "not checked";
  private long convergenceMillis = -1;

  ScenarioRun(Scenario scenario, String runId, KubernetesClient admin, Prometheus prometheus) {
    this.scenario = scenario;
    this.namespace = "fr-" + runId + "-" + scenario.index();
    this.admin = admin;
    this.prometheus = prometheus;
    for (Scenario.Budget b : scenario.budgets()) {
      watches.put(b.name(), new BudgetWatch(b.name(), b.max() - b.reserved()));
      databaseWatches.put(
          b.name(), new BudgetWatch(b.name() + " (database)", b.max() - b.reserved()));
      for (Scenario.Consumer c : b.consumers()) {
        budgetOf.put(c.name(), b.name());
      }
    }
  }

  String namespace() {
    return namespace;
  }

  Scenario scenario() {
    return scenario;
  }

  /** The PostgreSQL role a budget's pods log in as: one per budget, unique to this run. */
  String role(String budget) {
    return DatabaseRoleSampler.ROLE_PREFIX
        + namespace.substring("fr-".length()).replace('-', '_')
        + "_"
        + budget;
  }

  List<String> roles() {
    return scenario.budgets().stream().map(b -> role(b.name())).toList();
  }

  void create() {
    createOnce(
        () ->
            admin
                .namespaces()
                .resource(
                    new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .addToLabels(ClusterSampler.LABEL, "true")
                        .endMetadata()
                        .build())
                .create());
    for (Scenario.Budget b : scenario.budgets()) {
      createOnce(() -> admin.resource(budget(b)).inNamespace(namespace).create());
      for (Scenario.Consumer c : b.consumers()) {
        createOnce(
            () -> admin.resource(deployment(c, role(b.name()))).inNamespace(namespace).create());
      }
    }
    for (Scenario.Step s : scenario.steps()) {
      if (s.atMillis() == 0 && s.action() == Scenario.Action.LOAD) {
        setLoad(s.consumer(), s.load());
      }
    }
    for (Scenario.Budget b : scenario.budgets()) {
      for (Scenario.Consumer c : b.consumers()) {
        createOnce(() -> admin.resource(policy(c, b.name())).inNamespace(namespace).create());
      }
    }
  }

  /** Plays the timeline; returns when its last step is done. */
  void play(long phaseStartMillis) throws InterruptedException {
    for (Scenario.Step s : scenario.steps()) {
      if (s.atMillis() == 0 && s.action() == Scenario.Action.LOAD) {
        continue;
      }
      long wait = phaseStartMillis + s.atMillis() - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      apply(s);
    }
  }

  private void apply(Scenario.Step s) {
    switch (s.action()) {
      case LOAD -> {
        setLoad(s.consumer(), s.load());
        count(FaultKind.LOAD_CHANGE);
      }
      case NAN -> {
        setLoad(s.consumer(), Double.NaN);
        count(FaultKind.PROMETHEUS_NAN);
      }
      case POLICY_MAX -> {
        editPolicy(
            s.consumer(),
            p -> {
              p.getSpec().getReplicas().setMax(Math.max(s.a(), p.getSpec().getReplicas().getMin()));
              return p;
            });
        count(FaultKind.USER_EDIT_POLICY);
      }
      case POOL_RANGE -> {
        editPolicy(
            s.consumer(),
            p -> {
              PoolSizeRange range = p.getSpec().getConnections().getPoolSize();
              range.setMin(s.a());
              range.setMax(s.b());
              return p;
            });
        count(FaultKind.USER_EDIT_POLICY);
      }
      case BUDGET_LIMIT -> {
        setLimit(s.budget(), s.a());
        count(FaultKind.USER_EDIT_BUDGET);
      }
      case BUDGET_BELOW_USAGE -> {
        Scenario.Budget b = budget(s.budget());
        int floor = Scenario.guarantees(b.consumers().size());
        long used = awaitUsageAbove(b.name(), floor + 1);
        // Well below what is in use, but never below what the consumers' guarantees can need (a
        // limit under that is an overcommitted budget, not a lowered one): halfway down to the
        // floor when 60 % of the usage would be under it.
        int target = (int) Math.max(floor, used * 6 / 10);
        if (target >= used && used > floor + 1) {
          target = (int) ((used + floor) / 2);
        }
        if (target < used) {
          setLimit(b.name(), target + b.reserved());
          count(FaultKind.BUDGET_BELOW_USAGE);
        }
      }
      default -> throw new IllegalStateException(s.action().toString());
    }
  }

  /**
   * What the budget's consumers hold, once it is above {@code floor} or after {@link
   * #USAGE_WAIT_MILLIS}: consumers raised to full load may still be growing through their rollouts
   * when the step comes due.
   */
  private long awaitUsageAbove(String budget, long floor) {
    long deadline = System.currentTimeMillis() + USAGE_WAIT_MILLIS;
    long used = watches.get(budget).total();
    while (used <= floor && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = watches.get(budget).total();
    }
    return used;
  }

  private void setLimit(String budget, int max) {
    Scenario.Budget b = budget(budget);
    BudgetWatch watch = watches.get(budget);
    BudgetWatch database = databaseWatches.get(budget);
    int available = max - b.reserved();
    if (available < watch.available()) {
      long now = System.currentTimeMillis();
      watch.lowering(available, now);
      database.lowering(available, now);
      editBudget(budget, max);
    } else {
      editBudget(budget, max);
      watch.raised(available);
      database.raised(available);
    }
  }

  /** The loads that hold while the scenario converges; a NaN left over is replaced. */
  void settleLoads() {
    for (Scenario.Budget b : scenario.budgets()) {
      for (Scenario.Consumer c : b.consumers()) {
        setLoad(c.name(), c.finalLoad());
      }
    }
  }

  void count(FaultKind kind) {
    synchronized (faults) {
      faults.merge(kind, 1, Integer::sum);
    }
  }

  void count(Map<FaultKind, Long> global) {
    synchronized (faults) {
      global.forEach((k, v) -> faults.merge(k, v.intValue(), Integer::sum));
    }
  }

  Map<FaultKind, Integer> faults() {
    synchronized (faults) {
      return new EnumMap<>(faults);
    }
  }

  /** One sample of the live cluster; called by the sampler every period. */
  void sample(
      long now, List<Pod> pods, List<Deployment> deployments, List<ConnectionBudget> budgets) {
    Map<String, Long> totals = new HashMap<>();
    Map<String, StringBuilder> details = new HashMap<>();
    for (Pod pod : pods) {
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
        continue;
      }
      String app = pod.getMetadata().getLabels().get("app");
      String budget = budgetOf.get(app);
      if (budget == null) {
        continue;
      }
      int pool = ConnectionSampler.poolOf(pod, POOL_ENV);
      totals.merge(budget, (long) pool, Long::sum);
      details
          .computeIfAbsent(budget, k -> new StringBuilder())
          .append(pod.getMetadata().getName())
          .append('=')
          .append(pool)
          .append(pod.getMetadata().getDeletionTimestamp() == null ? "" : "(terminating)")
          .append(Readiness.isPodReady(pod) ? " " : "(not ready) ");
    }
    Map<String, Map<String, int[]>> shapes = new HashMap<>();
    for (Deployment d : deployments) {
      String budget = budgetOf.get(d.getMetadata().getName());
      if (budget != null) {
        shapes
            .computeIfAbsent(budget, k -> new HashMap<>())
            .put(d.getMetadata().getName(), new int[] {d.getSpec().getReplicas(), templatePool(d)});
        var st = d.getStatus();
        details
            .computeIfAbsent(budget, k -> new StringBuilder())
            .append(
                String.format(
                    "[%s %d×%d gen %d/%s replicas %s updated %s ready %s] ",
                    d.getMetadata().getName(),
                    d.getSpec().getReplicas(),
                    templatePool(d),
                    d.getMetadata().getGeneration(),
                    st == null ? "-" : st.getObservedGeneration(),
                    st == null ? "-" : st.getReplicas(),
                    st == null ? "-" : st.getUpdatedReplicas(),
                    st == null ? "-" : st.getReadyReplicas()));
      }
    }
    Map<String, Integer> statusAvailable = new HashMap<>();
    Map<String, Long> statusHeld = new HashMap<>();
    for (ConnectionBudget b : budgets) {
      if (b.getStatus() != null && b.getStatus().getAvailable() != null) {
        statusAvailable.put(b.getMetadata().getName(), b.getStatus().getAvailable());
      }
      if (b.getStatus() != null && b.getStatus().getConsumers() != null) {
        statusHeld.put(
            b.getMetadata().getName(),
            b.getStatus().getConsumers().stream()
                .mapToLong(g -> g.getHeld() == null ? 0 : g.getHeld())
                .sum());
      }
    }
    for (BudgetWatch w : watches.values()) {
      int available = statusAvailable.getOrDefault(w.name, -1);
      long held = statusHeld.getOrDefault(w.name, -1L);
      lastStatus.put(w.name, new long[] {available, held});
      w.sample(
          now,
          totals.getOrDefault(w.name, 0L),
          shapes.getOrDefault(w.name, Map.of()),
          available,
          held,
          String.valueOf(details.getOrDefault(w.name, new StringBuilder())));
    }
    samples.incrementAndGet();
  }

  /**
   * One sample of PostgreSQL, {@code counts} the connections open per role; called by the {@link
   * DatabaseRoleSampler} every period. Checked against the same limit as the pod pools, with the
   * lowered-limit grace ending on the database's own count and the status the cluster sampler saw
   * last.
   */
  void sampleDatabase(long now, Map<String, Long> counts) {
    for (var e : databaseWatches.entrySet()) {
      String budget = e.getKey();
      long count = counts.getOrDefault(role(budget), 0L);
      long[] status = lastStatus.getOrDefault(budget, new long[] {-1, -1});
      long pods = watches.get(budget).total();
      e.getValue()
          .sample(
              now,
              count,
              Map.of(),
              (int) status[0],
              status[1],
              "role " + role(budget) + ", pod pools " + pods);
      podConnectionSum.addAndGet(pods);
      databaseConnectionSum.addAndGet(count);
    }
    databaseSamples.incrementAndGet();
  }

  long databaseSamples() {
    return databaseSamples.get();
  }

  List<String> databaseBreaches() {
    List<String> out = new ArrayList<>();
    databaseWatches.values().forEach(w -> out.addAll(w.breaches()));
    return out;
  }

  /**
   * Σ database count / Σ pod-pool count over the database samples: how closely real connections
   * followed the pods.
   */
  long[] connectionSums() {
    return new long[] {databaseConnectionSum.get(), podConnectionSum.get()};
  }

  /**
   * Per budget: the most connections its pod pools and PostgreSQL counted, each with the limit
   * then.
   */
  List<FaultRun.BudgetPeak> peaks() {
    return watches.keySet().stream()
        .map(
            name -> {
              BudgetWatch pods = watches.get(name);
              BudgetWatch database = databaseWatches.get(name);
              return new FaultRun.BudgetPeak(
                  name,
                  pods.maxTotal(),
                  pods.limitAtMax(),
                  database.maxTotal(),
                  database.limitAtMax(),
                  database.maxRatio());
            })
        .toList();
  }

  long samples() {
    return samples.get();
  }

  double maxRatio() {
    return watches.values().stream().mapToDouble(BudgetWatch::maxRatio).max().orElse(0);
  }

  List<String> breaches() {
    List<String> out = new ArrayList<>();
    watches.values().forEach(w -> out.addAll(w.breaches()));
    return out;
  }

  List<String> growsWhileOver() {
    List<String> out = new ArrayList<>();
    watches.values().forEach(w -> out.addAll(w.growsWhileOver()));
    return out;
  }

  /**
   * Waits until every policy and budget converged, or the deadline passed. The first check comes
   * {@link #SETTLE_MILLIS} after the final loads were set and a replica led, so that the operator
   * has scraped them and had a round on them (a state that was already consistent before would pass
   * at once); converged means two checks in a row, a second apart, found nothing left to do. The
   * time is that of the first of them.
   */
  boolean awaitConvergence(long startedMillis, long leaderSinceMillis, long deadlineMillis)
      throws InterruptedException {
    long settle =
        Math.max(startedMillis, leaderSinceMillis) + SETTLE_MILLIS - System.currentTimeMillis();
    if (settle > 0) {
      Thread.sleep(settle);
    }
    long firstConverged = -1;
    while (System.currentTimeMillis() < deadlineMillis) {
      long now = System.currentTimeMillis();
      String why = notConverged();
      if (why == null && firstConverged >= 0) {
        convergenceMillis = firstConverged - startedMillis;
        unconverged = null;
        return true;
      }
      if (why == null) {
        firstConverged = now;
        Thread.sleep(1000);
        continue;
      }
      firstConverged = -1;
      if (!why.equals(unconverged) && Boolean.getBoolean("headroom.fault-run.trace")) {
        System.out.printf(
            "trace %s +%ds: %s%n",
            namespace, (System.currentTimeMillis() - startedMillis) / 1000, why);
      }
      unconverged = why;
      Thread.sleep(1000);
    }
    for (BudgetWatch w : watches.values()) {
      if (w.notUnderInTime()) {
        problems.add(
            "budget "
                + w.name
                + " did not get under its lowered limit within "
                + BudgetWatch.BOUND_MILLIS / 1000
                + " s");
      }
    }
    problems.add("did not converge: " + unconverged);
    return false;
  }

  long convergenceMillis() {
    return convergenceMillis;
  }

  /**
   * Null when converged: every budget has observed its spec and is stable (each grant at its
   * target, acknowledged by its policy), every policy is Ready for its generation, its Deployment
   * has the replicas and pool it decided and is rolled out, and usage is under the (possibly
   * lowered) limit.
   */
  String notConverged() {
    try {
      Map<String, ScalingPolicy> policies = new HashMap<>();
      for (ScalingPolicy p :
          admin.resources(ScalingPolicy.class).inNamespace(namespace).list().getItems()) {
        policies.put(p.getMetadata().getName(), p);
      }
      Map<String, Deployment> deployments = new HashMap<>();
      for (Deployment d : admin.apps().deployments().inNamespace(namespace).list().getItems()) {
        deployments.put(d.getMetadata().getName(), d);
      }
      for (ConnectionBudget b :
          admin.resources(ConnectionBudget.class).inNamespace(namespace).list().getItems()) {
        String name = b.getMetadata().getName();
        var st = b.getStatus();
        if (st == null
            || !Objects.equals(st.getObservedGeneration(), b.getMetadata().getGeneration())) {
          return name + ": status not for generation " + b.getMetadata().getGeneration();
        }
        if (watches.get(name).lowered()) {
          return name + ": still above its lowered limit (" + watches.get(name).total() + ")";
        }
        for (ConsumerGrant g : st.getConsumers()) {
          ScalingPolicy p = policies.get(g.getPolicy().substring(g.getPolicy().indexOf('/') + 1));
          if (g.getPhase() != ConsumerPhase.STABLE
              || !Objects.equals(g.getGrant(), g.getTarget())) {
            return name
                + "/"
                + g.getPolicy()
                + ": phase "
                + g.getPhase()
                + " grant "
                + g.getGrant()
                + " target "
                + g.getTarget();
          }
          if (p == null
              || p.getStatus() == null
              || !Objects.equals(p.getStatus().getAcknowledgedGrantSeq(), g.getGrantSeq())) {
            return g.getPolicy() + ": grant " + g.getGrantSeq() + " not acknowledged";
          }
        }
        long consumers =
            scenario.budgets().stream()
                .filter(x -> x.name().equals(name))
                .mapToLong(x -> x.consumers().size())
                .sum();
        if (st.getConsumers().size() != consumers) {
          return name
              + ": "
              + st.getConsumers().size()
              + " consumers in status, "
              + consumers
              + " policies";
        }
      }
      for (ScalingPolicy p : policies.values()) {
        String name = p.getMetadata().getName();
        var st = p.getStatus();
        Deployment d = deployments.get(name);
        if (st == null
            || !Objects.equals(st.getObservedGeneration(), p.getMetadata().getGeneration())) {
          return name + ": status not for generation " + p.getMetadata().getGeneration();
        }
        if (!Conditions.isTrue(st.getConditions(), "Ready")) {
          return name
              + ": not Ready: "
              + Conditions.find(st.getConditions(), "Ready")
                  .map(c -> c.getReason() + " " + c.getMessage())
                  .orElse("-");
        }
        int replicas = d.getSpec().getReplicas();
        if (!Objects.equals(st.getDesiredReplicas(), replicas)
            || !Objects.equals(st.getCurrentReplicas(), replicas)) {
          return name
              + ": desired "
              + st.getDesiredReplicas()
              + " current "
              + st.getCurrentReplicas()
              + " deployment "
              + replicas;
        }
        if (!Objects.equals(st.getPoolSize(), templatePool(d))) {
          return name + ": pool " + st.getPoolSize() + " deployment " + templatePool(d);
        }
        var ds = d.getStatus();
        if (ds == null
            || nz(ds.getUpdatedReplicas()) != replicas
            || nz(ds.getReadyReplicas()) != replicas
            || nz(ds.getReplicas()) != replicas) {
          return name + ": rollout not done";
        }
      }
      return null;
    } catch (KubernetesClientException e) {
      return "read failed: " + e.getMessage();
    }
  }

  /**
   * After convergence: no grant above the budget, the last decision in history is what the
   * Deployment runs (no decision lost), history times never go back, and each consumer's bound fits
   * its grant.
   */
  List<String> checkConsistency() {
    for (int attempt = 1; ; attempt++) {
      try {
        return consistency();
      } catch (KubernetesClientException e) {
        if (!UserEdit.isTransient(e) || attempt >= 6) {
          throw e;
        }
        UserEdit.pause(attempt);
      }
    }
  }

  private List<String> consistency() {
    List<String> out = new ArrayList<>(problems);
    Map<String, Deployment> deployments = new HashMap<>();
    for (Deployment d : admin.apps().deployments().inNamespace(namespace).list().getItems()) {
      deployments.put(d.getMetadata().getName(), d);
    }
    Map<String, ConsumerGrant> grants = new HashMap<>();
    for (ConnectionBudget b :
        admin.resources(ConnectionBudget.class).inNamespace(namespace).list().getItems()) {
      var st = b.getStatus();
      int available = b.getSpec().getMaxConnections() - b.getSpec().getReserved();
      if (!Objects.equals(st.getAvailable(), available)) {
        out.add(
            b.getMetadata().getName()
                + ": status.available "
                + st.getAvailable()
                + " != "
                + available);
      }
      long granted = st.getConsumers().stream().mapToLong(ConsumerGrant::getGrant).sum();
      long held =
          st.getConsumers().stream().mapToLong(g -> g.getHeld() == null ? 0 : g.getHeld()).sum();
      if (granted > available || held > available) {
        out.add(
            b.getMetadata().getName()
                + ": granted "
                + granted
                + " held "
                + held
                + " > available "
                + available);
      }
      st.getConsumers()
          .forEach(g -> grants.put(g.getPolicy().substring(g.getPolicy().indexOf('/') + 1), g));
    }
    for (ScalingPolicy p :
        admin.resources(ScalingPolicy.class).inNamespace(namespace).list().getItems()) {
      String name = p.getMetadata().getName();
      Deployment d = deployments.get(name);
      int replicas = d.getSpec().getReplicas();
      int pool = templatePool(d);
      List<DecisionRecord> history = p.getStatus().getHistory();
      Instant previous = Instant.MIN;
      for (DecisionRecord r : history) {
        Instant t = Instant.parse(r.getTime());
        if (t.isBefore(previous)) {
          out.add(name + ": history goes back in time, " + previous + " then " + t);
        }
        previous = t;
      }
      if (history.isEmpty()) {
        if (replicas != 1 || pool != INITIAL_POOL) {
          out.add(name + ": runs " + replicas + "x" + pool + " but its history is empty");
        }
      } else {
        DecisionRecord last = history.get(history.size() - 1);
        if (!Objects.equals(last.getToReplicas(), replicas)
            || (last.getToPool() != null && last.getToPool() != pool)) {
          out.add(
              name
                  + ": runs "
                  + replicas
                  + "x"
                  + pool
                  + " but the last decision in history says "
                  + last.getToReplicas()
                  + "x"
                  + last.getToPool()
                  + " ("
                  + last.getTime()
                  + ")");
        }
      }
      ConsumerGrant g = grants.get(name);
      if (g == null) {
        out.add(name + ": no grant in its budget's status");
      } else {
        int surge = p.getStatus().getMaxSurge() == null ? 1 : p.getStatus().getMaxSurge();
        long bound = (long) (replicas + surge) * pool;
        if (bound > g.getGrant()) {
          out.add(
              name
                  + ": ("
                  + replicas
                  + " + "
                  + surge
                  + ") x "
                  + pool
                  + " = "
                  + bound
                  + " > grant "
                  + g.getGrant());
        }
        if (p.getStatus().getGrant() != null && !p.getStatus().getGrant().equals(g.getGrant())) {
          out.add(
              name
                  + ": status.grant "
                  + p.getStatus().getGrant()
                  + " != budget grant "
                  + g.getGrant());
        }
      }
    }
    return out;
  }

  String unconverged() {
    return unconverged;
  }

  void delete() {
    for (Scenario.Budget b : scenario.budgets()) {
      for (Scenario.Consumer c : b.consumers()) {
        prometheus.clearLoad(LOAD_METRIC, Map.of("ns", namespace, "app", c.name()));
      }
    }
    try {
      admin.namespaces().withName(namespace).delete();
    } catch (KubernetesClientException e) {
      // left behind on a busy API server; the namespace prefix names the run
    }
  }

  private void setLoad(String consumer, double value) {
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", namespace, "app", consumer), value);
  }

  private void editPolicy(String name, UnaryOperator<ScalingPolicy> change) {
    UserEdit.of(admin.resources(ScalingPolicy.class).inNamespace(namespace).withName(name), change);
  }

  private void editBudget(String name, int max) {
    UserEdit.of(
        admin.resources(ConnectionBudget.class).inNamespace(namespace).withName(name),
        b -> {
          b.getSpec().setMaxConnections(max);
          return b;
        });
  }

  /**
   * Creates, retrying a timed-out create; an AlreadyExists after a retry means the first one
   * landed.
   */
  private static void createOnce(Runnable create) {
    for (int attempt = 1; ; attempt++) {
      try {
        create.run();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409 && attempt > 1) {
          return;
        }
        if (!UserEdit.isTransient(e) || e.getCode() == 409 || attempt >= 6) {
          throw e;
        }
        UserEdit.pause(attempt);
      }
    }
  }

  private Scenario.Budget budget(String name) {
    return scenario.budgets().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }

  static int templatePool(Deployment d) {
    for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
      for (EnvVar v : c.getEnv()) {
        if (POOL_ENV.equals(v.getName())) {
          return Integer.parseInt(v.getValue());
        }
      }
    }
    return -1;
  }

  private static int nz(Integer v) {
    return v == null ? 0 : v;
  }

  private static ConnectionBudget budget(Scenario.Budget b) {
    ConnectionBudget budget =
        Serialization.unmarshal(
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: %s, labels: {%s: "true"}}
        spec: {maxConnections: %d, reserved: %d, allocation: Proportional}
        """
                .formatted(b.name(), ClusterSampler.LABEL, b.max(), b.reserved()),
            ConnectionBudget.class);
    return budget;
  }

  private static Deployment deployment(Scenario.Consumer c, String role) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(c.name())
        .addToLabels(ClusterSampler.LABEL, "true")
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", c.name())
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(1))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", c.name())
        .addToLabels(ClusterSampler.LABEL, "true")
        .addToLabels(CONNECTIONS_LABEL, "real")
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(0L)
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .addNewEnv()
        .withName(POOL_ENV)
        .withValue(Integer.toString(INITIAL_POOL))
        .endEnv()
        .addNewEnv()
        .withName(ROLE_ENV)
        .withValue(role)
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private ScalingPolicy policy(Scenario.Consumer c, String budget) {
    String schedule =
        c.schedule()
            ? """
          schedules:
          - {name: night, cron: '30 2 * * *', timeZone: Europe/Berlin, duration: 1h, minReplicas: 2}
        """
            : "";
    return Serialization.unmarshal(
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: %1$s}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: %1$s}
          mode: Enforce
          replicas: {min: 1, max: %4$d}
          load:
            signals:
            - {name: load, query: '%5$s{ns="%2$s",app="%1$s"}', type: AverageValue, target: 10}
          connections:
            budgetRef: {name: %3$s}
            poolSize: {min: %6$d, max: %7$d}
            delivery: {type: Env, container: app, envName: %8$s}
        %9$s  behavior:
            scaleUp:
              stabilizationWindowSeconds: 0
              policies: [{type: Percent, value: 1000, periodSeconds: 1}]
            scaleDown:
              stabilizationWindowSeconds: 3
              policies: [{type: Percent, value: 100, periodSeconds: 1}]
        """
            .formatted(
                c.name(),
                namespace,
                budget,
                c.replicasMax(),
                LOAD_METRIC,
                c.poolMin(),
                c.poolMax(),
                POOL_ENV,
                schedule),
        ScalingPolicy.class);
  }
}
