package dev.headroom.engine.model;

import java.util.List;

/**
 * The HPA's per-target memory as an explicit immutable value: recent unstabilized recommendations
 * (for stabilization windows) and recent scale events per direction (for rate policies). The engine
 * takes one and returns the updated one; hosts persist it (e.g. in status).
 */
public record ScalingHistory(
    List<TimestampedRecommendation> recommendations,
    List<ScaleEvent> scaleUpEvents,
    List<ScaleEvent> scaleDownEvents) {

  public ScalingHistory {
    recommendations = FrozenList.copyOf(recommendations);
    scaleUpEvents = FrozenList.copyOf(scaleUpEvents);
    scaleDownEvents = FrozenList.copyOf(scaleDownEvents);
  }

  public static ScalingHistory empty() {
    return new ScalingHistory(List.of(), List.of(), List.of());
  }

  public ScalingHistory withRecommendations(List<TimestampedRecommendation> value) {
    return new ScalingHistory(value, scaleUpEvents, scaleDownEvents);
  }

  public ScalingHistory withScaleUpEvents(List<ScaleEvent> value) {
    return new ScalingHistory(recommendations, value, scaleDownEvents);
  }

  public ScalingHistory withScaleDownEvents(List<ScaleEvent> value) {
    return new ScalingHistory(recommendations, scaleUpEvents, value);
  }
}
