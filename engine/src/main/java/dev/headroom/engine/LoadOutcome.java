package dev.headroom.engine;

import dev.headroom.engine.model.Recommendation;

/**
 * What the load signals and the capacity model say together; their recommendations and sentences go
 * straight into the decision's lists.
 *
 * @param replicas the load-based recommendation after fail-static handling (null when the policy
 *     has no load signal at all)
 * @param metricsAvailable every configured signal had fresh, usable data
 * @param withinTolerance every usable signal asked to keep the current replicas
 */
record LoadOutcome(Recommendation replicas, boolean metricsAvailable, boolean withinTolerance) {}
