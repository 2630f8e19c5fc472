package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** Desired state of a ConnectionBudget. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.reserved < self.maxConnections",
    message = "reserved must be < maxConnections",
    reason = "FieldValueInvalid")
public class ConnectionBudgetSpec {

  @JsonPropertyDescription("Connection limit of the downstream (e.g. PostgreSQL max_connections).")
  @Required
  @Min(1)
  @Max(1000000)
  private int maxConnections;

  @JsonPropertyDescription(
      "Connections kept out of the budget (superuser, migrations, replication, humans).")
  @Min(0)
  @Default("0")
  private int reserved;

  @JsonPropertyDescription(
      "Proportional (to demand) or Priority (then proportional inside a priority).")
  @Default("Proportional")
  private AllocationStrategy allocation = AllocationStrategy.PROPORTIONAL;

  @JsonPropertyDescription(
      "Namespaces whose policies may draw on this budget besides its own; * allows all.")
  @Size(max = 256)
  private List<String> allowedNamespaces;

  @JsonPropertyDescription("Namespaces with these labels may draw on this budget too.")
  private LabelSelector namespaceSelector;

  @JsonPropertyDescription("Query that measures connections really in use, to flag a breach.")
  private ObservedUsage observed;

  public int getMaxConnections() {
    return maxConnections;
  }

  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  public int getReserved() {
    return reserved;
  }

  public void setReserved(int reserved) {
    this.reserved = reserved;
  }

  public AllocationStrategy getAllocation() {
    return allocation;
  }

  public void setAllocation(AllocationStrategy allocation) {
    this.allocation = allocation;
  }

  public List<String> getAllowedNamespaces() {
    return allowedNamespaces;
  }

  public void setAllowedNamespaces(List<String> allowedNamespaces) {
    this.allowedNamespaces = allowedNamespaces;
  }

  public LabelSelector getNamespaceSelector() {
    return namespaceSelector;
  }

  public void setNamespaceSelector(LabelSelector namespaceSelector) {
    this.namespaceSelector = namespaceSelector;
  }

  public ObservedUsage getObserved() {
    return observed;
  }

  public void setObserved(ObservedUsage observed) {
    this.observed = observed;
  }
}
