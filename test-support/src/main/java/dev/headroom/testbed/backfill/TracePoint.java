package dev.headroom.testbed.backfill;

/** One row of a trace: the requests counted in the interval that starts at {@code epochSecond}. */
public record TracePoint(long epochSecond, double requests) {}
