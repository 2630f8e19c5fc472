package dev.headroom.simulator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.model.ApiDurations;
import dev.headroom.simulator.metrics.BudgetMetrics;
import dev.headroom.simulator.metrics.ElasticityMetrics;
import dev.headroom.simulator.sim.BudgetResult;
import dev.headroom.simulator.sim.PolicyResult;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.SimulationSettings;
import dev.headroom.simulator.sim.StrategyKind;
import java.util.Map;

/**
 * The run as JSON: settings, per policy and per budget the metrics of each strategy, the pooled
 * totals, and the notes. Numbers are rounded to 4 decimals; the same input gives the same bytes.
 */
public final class JsonReport {

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String render(SimulationResult r) {
    ObjectNode root = mapper.createObjectNode();
    root.put("title", r.title());
    root.put("start", r.start().toString());
    root.put("end", r.end().toString());
    root.put("stepSeconds", r.stepSeconds());
    root.put("steps", r.steps());
    root.set("settings", settings(r.settings()));
    ArrayNode policies = root.putArray("policies");
    for (PolicyResult p : r.policies()) {
      ObjectNode n = policies.addObject();
      n.put("id", p.id());
      ObjectNode trace = n.putObject("trace");
      trace.put("source", p.traceSource());
      trace.put("start", p.traceStart().toString());
      trace.put("end", p.traceEnd().toString());
      trace.put("intervalSeconds", p.intervalSeconds());
      trace.put("rows", p.rows());
      trace.put("peakRequestsPerSecond", round(p.peakRate()));
      n.put("perReplicaRequestsPerSecond", round(p.perReplicaCapacity()));
      n.put("minReplicas", p.minReplicas());
      n.put("maxReplicas", p.maxReplicas());
      n.put("staticPeakReplicas", p.staticReplicas());
      if (p.budgetId().isPresent()) {
        n.put("budget", p.budgetId().get());
      } else {
        n.putNull("budget");
      }
      n.set("strategies", elasticity(p.strategies()));
    }
    ArrayNode budgets = root.putArray("budgets");
    for (BudgetResult b : r.budgets()) {
      ObjectNode n = budgets.addObject();
      n.put("id", b.id());
      n.put("maxConnections", b.maxConnections());
      n.put("reserved", b.reserved());
      n.put("limit", b.available());
      ArrayNode consumers = n.putArray("consumers");
      b.consumers().forEach(consumers::add);
      n.set("strategies", budget(b.strategies()));
    }
    ObjectNode total = root.putObject("total");
    total.set("strategies", elasticity(r.totals()));
    total.set("budgets", budget(r.budgetTotals()));
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode settings(SimulationSettings s) {
    ObjectNode n = mapper.createObjectNode();
    n.put("startupDelay", ApiDurations.format(s.startupDelay()));
    n.put("metricDelay", ApiDurations.format(s.metricDelay()));
    n.put("metricWindow", ApiDurations.format(s.metricWindow()));
    n.put("reconcileInterval", ApiDurations.format(s.reconcileInterval()));
    n.put("latencySeconds", round(s.latency()));
    n.put("capacityFactor", round(s.capacityFactor()));
    if (s.baselinePool().isPresent()) {
      n.put("baselinePool", s.baselinePool().getAsInt());
    } else {
      n.put("baselinePool", "poolSize.max");
    }
    return n;
  }

  private ObjectNode elasticity(Map<StrategyKind, ElasticityMetrics> byKind) {
    ObjectNode out = mapper.createObjectNode();
    byKind.forEach(
        (kind, m) -> {
          ObjectNode n = out.putObject(kind.key());
          n.put("replicaHours", round(m.replicaHours()));
          n.put("underProvisionedMinutes", round(m.underProvisionedMinutes()));
          n.put("overProvisionedPercent", round(m.overProvisionedShare()));
          n.put("thetaUPercent", round(m.thetaU()));
          n.put("thetaOPercent", round(m.thetaO()));
          n.put("tauUPercent", round(m.tauU()));
          n.put("tauOPercent", round(m.tauO()));
          n.put("instabilityPercent", round(m.instability()));
          n.put("jitterPerHour", round(m.jitterPerHour()));
          n.put("supplyChanges", m.supplyChanges());
          n.put("demandChanges", m.demandChanges());
          n.put("unservedRequestsPercent", round(m.unservedShare()));
          n.put("budgetLimitedMinutes", round(m.budgetLimitedMinutes()));
        });
    return out;
  }

  private ObjectNode budget(Map<StrategyKind, BudgetMetrics> byKind) {
    ObjectNode out = mapper.createObjectNode();
    byKind.forEach(
        (kind, m) -> {
          ObjectNode n = out.putObject(kind.key());
          n.put("peakConnections", m.peakConnections());
          n.put("breachMinutes", round(m.breachMinutes()));
          n.put("breaches", m.breaches());
          n.put("mostOverLimit", m.peakExcess());
        });
    return out;
  }

  private static double round(double value) {
    return Fmt.round(value, 4);
  }
}
