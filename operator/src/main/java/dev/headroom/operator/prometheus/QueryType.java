package dev.headroom.operator.prometheus;

import java.util.Locale;

/** The two Prometheus query endpoints this client uses. */
public enum QueryType {
  /** {@code /api/v1/query}: one value at one instant. */
  INSTANT("api/v1/query"),
  /** {@code /api/v1/query_range}: one series of values between two instants. */
  RANGE("api/v1/query_range");

  private final String apiPath;

  QueryType(String apiPath) {
    this.apiPath = apiPath;
  }

  String apiPath() {
    return apiPath;
  }

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
