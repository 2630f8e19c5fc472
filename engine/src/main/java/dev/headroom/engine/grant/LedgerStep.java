package dev.headroom.engine.grant;

/**
 * The ledger's new state for one consumer.
 *
 * @param issued grant to publish
 * @param issuedSeq its sequence number
 * @param held connections kept for the consumer after this step
 * @param phase where the consumer stands in a two-phase change
 */
public record LedgerStep(String id, long issued, long issuedSeq, long held, Phase phase) {

  /** Where a consumer stands in a two-phase change. */
  public enum Phase {
    /** Its grant is what the allocator wants and nothing is pending. */
    STABLE,
    /** Its grant went down: the budget holds the old amount until it confirms it came down. */
    SHRINKING,
    /** Its grant went up this step. */
    GROWING,
    /** It wants more but must wait for others to shrink (or for every consumer to report). */
    WAITING
  }
}
