package dev.headroom.operator.review;

import java.util.List;
import org.jboss.logging.Logger;

/** Hands each decision to several recorders; one that fails is logged and the rest still run. */
public final class DecisionRecorders implements DecisionRecorder {

  private static final Logger LOG = Logger.getLogger(DecisionRecorders.class);

  private final List<DecisionRecorder> recorders;

  public DecisionRecorders(List<DecisionRecorder> recorders) {
    this.recorders = List.copyOf(recorders);
  }

  @Override
  public void recorded(DecisionEntry entry) {
    for (DecisionRecorder r : recorders) {
      try {
        r.recorded(entry);
      } catch (RuntimeException e) {
        LOG.warnf(e, "recording the decision of %s failed", entry.policyId());
      }
    }
  }
}
