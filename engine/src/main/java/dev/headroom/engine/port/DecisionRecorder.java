package dev.headroom.engine.port;

import dev.headroom.engine.model.Decision;

/**
 * Receives every decision, applied or not (status history, Events, metrics in the operator; the
 * report in the simulator). Contract: must not throw; must not block on I/O for long.
 */
public interface DecisionRecorder {

  void record(Decision decision);
}
