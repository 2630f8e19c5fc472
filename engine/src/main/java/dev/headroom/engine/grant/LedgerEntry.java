package dev.headroom.engine.grant;

import java.util.OptionalLong;

/**
 * What the budget knows of one consumer when it steps the ledger.
 *
 * @param id consumer id ({@code namespace/name} of the policy)
 * @param order serving order for grows: lower first (e.g. minus priority), ties by id
 * @param target connections the allocator wants this consumer to have
 * @param issued the grant published now (0 when none yet)
 * @param issuedSeq sequence number of that grant; it rises every time the grant changes
 * @param held connections the budget keeps for this consumer (see {@link GrantLedger})
 * @param acknowledgedSeq the grant sequence the consumer last reported obeying, if any
 * @param inUseBound the consumer's own upper bound of the connections it holds, if reported
 */
public record LedgerEntry(
    String id,
    long order,
    long target,
    long issued,
    long issuedSeq,
    long held,
    OptionalLong acknowledgedSeq,
    OptionalLong inUseBound) {

  public boolean acknowledged(long seq) {
    return acknowledgedSeq.isPresent() && acknowledgedSeq.getAsLong() == seq;
  }
}
