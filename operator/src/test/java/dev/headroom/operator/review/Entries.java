package dev.headroom.operator.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Decision entries for tests. */
final class Entries {

  private Entries() {}

  static DecisionEntry round(
      String ns,
      String name,
      Instant at,
      int current,
      int desired,
      String outcome,
      List<String> actions) {
    return new DecisionEntry(
        at,
        ns,
        name,
        "Deployment/" + name,
        "Enforce",
        outcome,
        current,
        current,
        desired + 2,
        desired,
        20,
        9,
        ns + "/postgres",
        90,
        90L,
        "Reactive",
        "Budget",
        Map.of("requests", 180.0),
        List.of(new DecisionEntry.SourceInput("Reactive", desired + 2, "requests 180 / 25 -> 8")),
        List.of("reactive: requests 180 / 25 per replica -> 8", "budget grants 90 connections"),
        actions);
  }
}
