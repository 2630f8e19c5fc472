package dev.headroom.engine.forecast;

import java.time.Instant;

/**
 * One point of a load signal's history, as a range query returns it.
 *
 * @param at when the value was measured
 * @param value the signal's value then: the workload total for every signal kind (for {@code Pods}
 *     signals, the sum over pods), in the unit of the signal's target
 */
public record LoadSample(Instant at, double value) {}
