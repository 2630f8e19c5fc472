package dev.headroom.operator.workload;

import java.util.OptionalInt;

/** What Headroom needs to know of one pod: is it ready, is it going away, which pool it runs. */
public record PodView(String name, boolean ready, boolean terminating, OptionalInt pool) {}
