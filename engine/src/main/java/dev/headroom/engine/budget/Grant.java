package dev.headroom.engine.budget;

/**
 * Connections granted to one consumer.
 *
 * @param consumerId the policy
 * @param connections the grant
 * @param guaranteed the consumer's guaranteed minimum
 * @param demand the consumer's full demand
 */
public record Grant(String consumerId, long connections, long guaranteed, long demand) {

  /** Whether the consumer got less than its guaranteed minimum (only when overcommitted). */
  public boolean belowGuarantee() {
    return connections < guaranteed;
  }
}
