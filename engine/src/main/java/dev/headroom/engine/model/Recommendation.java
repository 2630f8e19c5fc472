package dev.headroom.engine.model;

import java.util.Objects;

/**
 * One source's recommendation with a sentence explaining it. The sentence may be given as text or
 * as a {@link Reason} rendered on first read; equality and the string form use the text, as they
 * did when this was a record of three components.
 *
 * <p>A source whose sentence quotes live inputs (a load value that moves every round within the
 * tolerance band) also gives a {@linkplain #summary() summary} without them: the form a host stores
 * where a rewrite costs something (a Kubernetes status), so that a steady decision stores the same
 * text round after round.
 */
public final class Recommendation {

  private final Source source;
  private final int replicas;
  private final Reason why;
  private final Reason summary;
  private volatile String text;

  public Recommendation(Source source, int replicas, String reason) {
    this.source = source;
    this.replicas = replicas;
    this.why = Reason.of(reason);
    this.summary = why;
    this.text = reason;
  }

  public Recommendation(Source source, int replicas, Reason why) {
    this(source, replicas, why, why);
  }

  /**
   * @param summary the sentence without live inputs (see the class comment)
   */
  public Recommendation(Source source, int replicas, Reason why, Reason summary) {
    this.source = source;
    this.replicas = replicas;
    this.why = Objects.requireNonNull(why, "why");
    this.summary = Objects.requireNonNull(summary, "summary");
  }

  public Source source() {
    return source;
  }

  public int replicas() {
    return replicas;
  }

  /** The sentence, rendered on first read. */
  public String reason() {
    String known = text;
    if (known == null) {
      known = why.render();
      text = known;
    }
    return known;
  }

  /**
   * The sentence without live inputs: the same text for as long as the recommendation and what it
   * was computed against (targets, capacities, tolerance) stay the same. The full sentence for a
   * source that quotes none.
   */
  public String summary() {
    return summary == why ? reason() : summary.render();
  }

  /** The sentence unrendered, to pass on without building it. */
  public Reason why() {
    return why;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Recommendation r
        && r.source == source
        && r.replicas == replicas
        && Objects.equals(r.reason(), reason());
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, replicas, reason());
  }

  @Override
  public String toString() {
    return "Recommendation[source="
        + source
        + ", replicas="
        + replicas
        + ", reason="
        + reason()
        + "]";
  }
}
