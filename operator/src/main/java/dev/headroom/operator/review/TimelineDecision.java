package dev.headroom.operator.review;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A decision as the timeline marks it: from this replica's rounds (whole, with its inputs), or from
 * {@code status.history} for what happened before this replica kept rounds (a follower, a restart).
 */
record TimelineDecision(
    Instant time,
    String what,
    String winner,
    String limitedBy,
    List<String> reasons,
    List<String> inputs,
    boolean dryRun) {

  /** Both sources, oldest first; an entry in both (same time) is taken from the rounds. */
  static List<TimelineDecision> merge(List<DecisionEntry> rounds, List<DecisionRecord> history) {
    List<TimelineDecision> out = new ArrayList<>();
    Set<Instant> seen = new HashSet<>();
    for (DecisionEntry e : rounds) {
      if (e.changed()) {
        seen.add(e.time());
        out.add(
            new TimelineDecision(
                e.time(),
                ("dry_run".equals(e.outcome()) ? "would set " : "")
                    + String.join(", ", e.actions()),
                e.winner(),
                e.limitedBy(),
                e.reasons(),
                e.inputs().stream()
                    .map(i -> i.source() + " " + i.replicas() + ": " + i.detail())
                    .toList(),
                "dry_run".equals(e.outcome())));
      }
    }
    for (DecisionRecord r : history) {
      Instant t;
      try {
        t = Instant.parse(r.getTime());
      } catch (RuntimeException bad) {
        continue;
      }
      if (seen.contains(t)) {
        continue;
      }
      out.add(
          new TimelineDecision(
              t,
              r.getReason() == null ? "" : r.getReason(),
              r.getWinner(),
              r.getLimitedBy(),
              r.getReasons() == null ? List.of() : r.getReasons(),
              r.getInputs() == null
                  ? List.of()
                  : r.getInputs().stream()
                      .map(i -> i.getSource() + " " + i.getReplicas() + ": " + i.getDetail())
                      .toList(),
              Boolean.TRUE.equals(r.getDryRun())));
    }
    out.sort(Comparator.comparing(TimelineDecision::time));
    return out;
  }

  /** The tooltip: what was done, who won, what capped it and why. */
  String title() {
    return time
        + " "
        + what
        + " ("
        + winner
        + ", limited by "
        + limitedBy
        + ")"
        + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
  }
}
