package dev.headroom.operator.prometheus;

import java.util.Map;
import java.util.Objects;

/**
 * One series of an instant vector: its labels (the metric name under {@code __name__}) and value.
 */
public record LabeledValue(Map<String, String> labels, TimedValue value) {

  public LabeledValue {
    labels = Map.copyOf(labels);
    Objects.requireNonNull(value, "value");
  }

  /** Whether every one of {@code wanted} is among this series' labels with the same value. */
  public boolean matches(Map<String, String> wanted) {
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
