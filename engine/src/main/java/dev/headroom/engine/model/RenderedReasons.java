package dev.headroom.engine.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list of reasons whose sentences are rendered on first read, all at once, and
 * kept. It reads like any {@code List<String>}: equal to, and with the hash of, the list of the
 * rendered sentences. Safe to share between threads (a race renders the same text twice).
 */
public final class RenderedReasons extends AbstractList<String> implements RandomAccess {

  private final Reason[] reasons;
  private volatile List<String> rendered;

  public RenderedReasons(List<Reason> reasons) {
    this.reasons = reasons.toArray(new Reason[0]);
  }

  @Override
  public String get(int index) {
    return text().get(index);
  }

  @Override
  public int size() {
    return reasons.length;
  }

  private List<String> text() {
    List<String> known = rendered;
    if (known == null) {
      String[] out = new String[reasons.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = reasons[i].render();
      }
      known = List.of(out);
      rendered = known;
    }
    return known;
  }
}
