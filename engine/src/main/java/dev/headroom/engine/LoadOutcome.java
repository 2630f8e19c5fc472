package dev.headroom.engine;

import dev.headroom.engine.model.Recommendation;
import java.util.List;
import java.util.Optional;

/**
 * What the load signals and the capacity model say together.
 *
 * @param replicas the load-based recommendation after fail-static handling (empty when the
 *     policy has no load signal at all)
 * @param recommendations the REACTIVE, CAPACITY and FAIL_STATIC recommendations
 * @param metricsAvailable every configured signal had fresh, usable data
 * @param withinTolerance every usable signal asked to keep the current replicas
 * @param reasons sentences for the decision
 */
record LoadOutcome(
    Optional<Recommendation> replicas,
    List<Recommendation> recommendations,
    boolean metricsAvailable,
    boolean withinTolerance,
    List<String> reasons) {}
