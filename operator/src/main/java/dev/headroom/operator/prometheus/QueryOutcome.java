package dev.headroom.operator.prometheus;

import java.util.Locale;

/**
 * How one query ended. Each failure has its own {@link PrometheusException} subclass; {@link
 * #reason()} is a CamelCase word fit for a Kubernetes condition reason or an Event reason, {@link
 * #tag()} a lower-case word fit for a metric tag.
 */
public enum QueryOutcome {
  SUCCESS("QuerySucceeded"),
  UNREACHABLE("PrometheusUnreachable"),
  TIMEOUT("PrometheusTimeout"),
  HTTP_ERROR("PrometheusError"),
  EMPTY_RESULT("EmptyResult"),
  AMBIGUOUS_RESULT("AmbiguousResult"),
  NOT_A_NUMBER("NotANumber"),
  MALFORMED("MalformedResponse"),
  TOO_LARGE("ResponseTooLarge"),
  MISCONFIGURED("PrometheusMisconfigured"),
  INTERRUPTED("QueryInterrupted"),
  CIRCUIT_OPEN("PrometheusCircuitOpen");

  private final String reason;

  QueryOutcome(String reason) {
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
