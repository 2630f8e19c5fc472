package dev.headroom.simulator.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headroom.engine.budget.AllocationStrategy;
import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.validation.BudgetValidator;
import dev.headroom.engine.validation.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the ScalingPolicy and ConnectionBudget documents of YAML files, the same files users apply.
 * Other kinds (Deployments, ConfigMaps, ...) are skipped. Only the fields the simulator needs are
 * read (see docs/simulator.md); what it reads is checked with the engine's validators, and every
 * error names the file, the document and the field.
 */
public final class ManifestReader {

  static final String GROUP = "headroom.dev/";

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final PolicyMapper policies = new PolicyMapper();
  private final BudgetValidator budgetValidator = new BudgetValidator();

  public Manifests read(List<Path> files) {
    List<PolicyManifest> policyList = new ArrayList<>();
    List<BudgetManifest> budgetList = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new ManifestException(file + ": no such file");
      } catch (IOException e) {
        throw new ManifestException(file + ": cannot be read: " + e.getMessage(), e);
      }
      Manifests one = read(file.toString(), text);
      policyList.addAll(one.policies());
      budgetList.addAll(one.budgets());
    }
    checkUnique(policyList.stream().map(PolicyManifest::id).toList(), "ScalingPolicy");
    checkUnique(budgetList.stream().map(BudgetManifest::id).toList(), "ConnectionBudget");
    return new Manifests(policyList, budgetList);
  }

  /** Reads the documents of one YAML text; {@code source} names it in messages. */
  public Manifests read(String source, String text) {
    List<PolicyManifest> policyList = new ArrayList<>();
    List<BudgetManifest> budgetList = new ArrayList<>();
    int document = 0;
    try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(text)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        document++;
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if (!doc.isObject()) {
          throw new ManifestException(
              source
                  + ", document "
                  + document
                  + ": expected a Kubernetes object (apiVersion, kind, metadata, spec)");
        }
        String kind = doc.path("kind").asText("");
        String apiVersion = doc.path("apiVersion").asText("");
        if (!kind.equals("ScalingPolicy") && !kind.equals("ConnectionBudget")) {
          continue;
        }
        String name = doc.path("metadata").path("name").asText("");
        String where =
            source
                + ", document "
                + document
                + " ("
                + kind
                + (name.isEmpty() ? "" : " '" + name + "'")
                + ")";
        if (!apiVersion.startsWith(GROUP)) {
          throw new ManifestException(
              where + ": apiVersion: expected headroom.dev/v1alpha1, got '" + apiVersion + "'");
        }
        Fields root = new Fields(where, "", doc);
        if (kind.equals("ScalingPolicy")) {
          policyList.add(policies.map(where, root));
        } else {
          budgetList.add(budget(where, root));
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String position =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ManifestException(
          source + ": not valid YAML" + position + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ManifestException(source + ": cannot be read: " + e.getMessage(), e);
    }
    return new Manifests(policyList, budgetList);
  }

  private BudgetManifest budget(String where, Fields root) {
    Fields metadata = root.object("metadata");
    String id = PolicyMapper.namespace(metadata) + "/" + metadata.string("name");
    Fields spec = root.object("spec");
    String allocation =
        spec.optionalEnum("allocation", "Proportional", "Priority").orElse("Proportional");
    BudgetSpec budget =
        new BudgetSpec(
            id,
            spec.integer("maxConnections"),
            spec.optionalInteger("reserved").orElse(0),
            allocation.equals("Priority")
                ? AllocationStrategy.PRIORITY
                : AllocationStrategy.PROPORTIONAL);
    List<Violation> violations = budgetValidator.validate(budget);
    if (!violations.isEmpty()) {
      throw new ManifestException(
          where
              + ": "
              + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
    List<String> notes = new ArrayList<>();
    if (spec.has("allowedNamespaces") || spec.has("namespaceSelector")) {
      notes.add(
          "spec.allowedNamespaces/namespaceSelector not simulated: every policy given may"
              + " draw on the budget");
    }
    if (spec.has("observed")) {
      notes.add(
          "spec.observed not simulated: usage is the footprint bound, (pods + maxSurge) x"
              + " pool");
    }
    return new BudgetManifest(budget, where, notes);
  }

  private static void checkUnique(List<String> ids, String kind) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new ManifestException(kind + " '" + id + "' is given twice");
      }
    }
  }
}
