package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * How many extra pods a rollout may add, as the Deployment controller computes it: an absolute
 * number, or a percentage of the desired replicas rounded up. Absent means the Deployment default
 * of 25%.
 */
public final class SurgeCalculator {

  public static final String DEFAULT_MAX_SURGE = "25%";

  private SurgeCalculator() {}

  public static int resolve(Object maxSurge, int replicas) {
    if (maxSurge == null) {
      return percentOf(DEFAULT_MAX_SURGE, replicas);
    }
    if (maxSurge instanceof IntOrString ios) {
      return ios.getIntVal() != null ? ios.getIntVal() : percentOf(ios.getStrVal(), replicas);
    }
    if (maxSurge instanceof Number n) {
      return n.intValue();
    }
    String text = maxSurge.toString().trim();
    return text.endsWith("%") ? percentOf(text, replicas) : Integer.parseInt(text);
  }

  private static int percentOf(String percent, int replicas) {
    int value = Integer.parseInt(percent.substring(0, percent.length() - 1).trim());
    return (int) Math.ceil(replicas * value / 100.0);
  }
}
