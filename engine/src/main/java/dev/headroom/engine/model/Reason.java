package dev.headroom.engine.model;

/**
 * A sentence explaining a decision step, rendered only when read. The engine captures the values of
 * a step (replica counts, loads, instants) and formats them on demand, so deciding builds no
 * strings; a host that shows or stores the reasons pays for the text then.
 */
@FunctionalInterface
public interface Reason {

  /** The sentence. Pure: the same text on every call. */
  String render();

  /** A reason whose text is already known. */
  static Reason of(String text) {
    return () -> text;
  }
}
