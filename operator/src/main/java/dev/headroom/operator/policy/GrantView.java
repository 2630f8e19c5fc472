package dev.headroom.operator.policy;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import java.util.Optional;

/**
 * A policy's grant as published in its budget's status.
 *
 * @param connections connections granted
 * @param seq the grant's sequence number, acknowledged once obeyed
 */
public record GrantView(long connections, long seq) {

  public static Optional<GrantView> of(ConnectionBudget budget, String policyId) {
    if (budget.getStatus() == null || budget.getStatus().getConsumers() == null) {
      return Optional.empty();
    }
    for (ConsumerGrant c : budget.getStatus().getConsumers()) {
      // Sequence 0 is the placeholder a budget lists before it has issued anything: there is
      // no grant yet, and acting on "0 connections" would scale a running workload to zero.
      if (policyId.equals(c.getPolicy())
          && c.getGrant() != null
          && c.getGrantSeq() != null
          && c.getGrantSeq() > 0) {
        return Optional.of(new GrantView(c.getGrant(), c.getGrantSeq()));
      }
    }
    return Optional.empty();
  }
}
