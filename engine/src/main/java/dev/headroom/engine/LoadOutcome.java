package dev.headroom.engine;

import dev.headroom.engine.model.Reason;
import dev.headroom.engine.model.Recommendation;
import java.util.List;

/**
 * What the load signals and the capacity model say together.
 *
 * @param replicas the load-based recommendation after fail-static handling (null when the
 *     policy has no load signal at all)
 * @param recommendations the REACTIVE, CAPACITY and FAIL_STATIC recommendations
 * @param metricsAvailable every configured signal had fresh, usable data
 * @param withinTolerance every usable signal asked to keep the current replicas
 * @param reasons sentences for the decision, rendered on demand
 */
record LoadOutcome(
    Recommendation replicas,
    List<Recommendation> recommendations,
    boolean metricsAvailable,
    boolean withinTolerance,
    List<Reason> reasons) {}
