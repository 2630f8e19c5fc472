package dev.headroom.engine.grant;

import java.util.OptionalLong;

/**
 * Connections measured in use on the server, set against what the ledger's model keeps for its
 * consumers ({@code Σ held}). What is measured beyond the model is <em>unattributed</em>: a pod
 * that exits slowly and still holds connections its consumer no longer reports, a consumer that
 * under-reports, a client outside the budget. The rule, applied by {@link GrantLedger#step(long,
 * java.util.List, OptionalLong)}:
 *
 * <ul>
 *   <li>while measured usage is above the model, no grant grows (the model is wrong; Headroom
 *       waits, as it waits for a consumer that has not reported);
 *   <li>unattributed connections shrink what is left to grant: {@code headroom = available − Σ held
 *       − unattributed}.
 * </ul>
 *
 * Shrinks are never held back: they only bring usage down. When nothing is measured the model alone
 * decides; a measurement that was asked for and failed blocks grows (fail static).
 *
 * @param modelled what the model says consumers may hold ({@code Σ held})
 * @param measured what was measured this round
 */
public record MeasuredUsage(long modelled, Measurement measured) {

  public MeasuredUsage {
    if (modelled < 0) {
      throw new IllegalArgumentException("modelled connections must not be negative: " + modelled);
    }
  }

  /** Connections measured beyond the model; 0 without a count. */
  public long unattributed() {
    OptionalLong count = measured.connections();
    return count.isPresent() ? Math.max(0, count.getAsLong() - modelled) : 0;
  }

  /**
   * Grants may grow only while measured usage is within the model, or when nothing is measured;
   * never after a failed measurement.
   */
  public boolean allowsGrowth() {
    return (!measured.asked() || measured.connections().isPresent()) && unattributed() == 0;
  }
}
