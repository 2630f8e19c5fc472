package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Pool size per replica and the budget it is drawn from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionsSpec {

  @JsonPropertyDescription("The ConnectionBudget this workload draws on.")
  @Required
  private BudgetRef budgetRef;

  @JsonPropertyDescription("Range of the per-replica pool size.")
  @Required
  private PoolSizeRange poolSize;

  @JsonPropertyDescription("Priority under Priority allocation: higher is served first.")
  @Default("0")
  @Min(0)
  @Max(1000)
  private Integer priority;

  @JsonPropertyDescription(
      "Extra pods during a rollout; default: read from the target rollout strategy.")
  @Min(0)
  @Max(10000)
  private Integer maxSurge;

  @JsonPropertyDescription("How the pool size reaches the pods.")
  @Required
  private PoolDeliverySpec delivery;

  public BudgetRef getBudgetRef() {
    return budgetRef;
  }

  public void setBudgetRef(BudgetRef budgetRef) {
    this.budgetRef = budgetRef;
  }

  public PoolSizeRange getPoolSize() {
    return poolSize;
  }

  public void setPoolSize(PoolSizeRange poolSize) {
    this.poolSize = poolSize;
  }

  public Integer getPriority() {
    return priority;
  }

  public void setPriority(Integer priority) {
    this.priority = priority;
  }

  public Integer getMaxSurge() {
    return maxSurge;
  }

  public void setMaxSurge(Integer maxSurge) {
    this.maxSurge = maxSurge;
  }

  public PoolDeliverySpec getDelivery() {
    return delivery;
  }

  public void setDelivery(PoolDeliverySpec delivery) {
    this.delivery = delivery;
  }
}
