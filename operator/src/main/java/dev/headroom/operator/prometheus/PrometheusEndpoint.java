package dev.headroom.operator.prometheus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach one Prometheus HTTP API, and the limits applied to its answers.
 *
 * @param baseUrl {@code http} or {@code https} URL of the API root, optionally with a path prefix
 *     ({@code https://thanos.example/prometheus}); no credentials, query or fragment
 * @param timeout deadline for one query, from sending the request to the last byte of the body;
 *     also sent to Prometheus as its {@code timeout} parameter
 * @param bearerTokenFile file holding a bearer token, read again on every request so a rotated
 *     token is picked up without a restart
 * @param caFile PEM file with the CA certificate(s) that signed the Prometheus certificate
 * @param insecureSkipTlsVerify trust any certificate and host name (test clusters only)
 * @param maxResponseBytes largest body accepted; larger answers fail as {@code TooLarge} while the
 *     body is being received
 * @param maxSamples most samples accepted for one series of a range query
 */
public record PrometheusEndpoint(
    URI baseUrl,
    Duration timeout,
    Optional<Path> bearerTokenFile,
    Optional<Path> caFile,
    boolean insecureSkipTlsVerify,
    long maxResponseBytes,
    int maxSamples) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

  /** Same as Prometheus' own limit of points per series in a range query. */
  public static final int DEFAULT_MAX_SAMPLES = 11_000;

  public PrometheusEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(bearerTokenFile, "bearerTokenFile");
    Objects.requireNonNull(caFile, "caFile");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "Prometheus URL " + baseUrl + " must start with http:// or https://");
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException("Prometheus URL " + baseUrl + " has no host");
    }
    if (baseUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "Prometheus URL must not contain credentials; use a bearer token file");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "Prometheus URL " + baseUrl + " must not have a query or fragment");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Prometheus timeout must be positive, got " + timeout);
    }
    if (insecureSkipTlsVerify && caFile.isPresent()) {
      throw new IllegalArgumentException(
          "a Prometheus CA file and insecureSkipTlsVerify exclude each other; choose one");
    }
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be positive, got " + maxResponseBytes);
    }
    if (maxSamples <= 0) {
      throw new IllegalArgumentException("maxSamples must be positive, got " + maxSamples);
    }
  }

  /** An endpoint with the default timeout and limits, no token, the JDK's trusted CAs. */
  public static PrometheusEndpoint of(URI baseUrl) {
    return new PrometheusEndpoint(
        baseUrl,
        DEFAULT_TIMEOUT,
        Optional.empty(),
        Optional.empty(),
        false,
        DEFAULT_MAX_RESPONSE_BYTES,
        DEFAULT_MAX_SAMPLES);
  }

  public PrometheusEndpoint withTimeout(Duration value) {
    return new PrometheusEndpoint(
        baseUrl,
        value,
        bearerTokenFile,
        caFile,
        insecureSkipTlsVerify,
        maxResponseBytes,
        maxSamples);
  }

  public PrometheusEndpoint withBearerTokenFile(Path value) {
    return new PrometheusEndpoint(
        baseUrl,
        timeout,
        Optional.of(value),
        caFile,
        insecureSkipTlsVerify,
        maxResponseBytes,
        maxSamples);
  }

  public PrometheusEndpoint withCaFile(Path value) {
    return new PrometheusEndpoint(
        baseUrl,
        timeout,
        bearerTokenFile,
        Optional.of(value),
        insecureSkipTlsVerify,
        maxResponseBytes,
        maxSamples);
  }

  public PrometheusEndpoint withInsecureSkipTlsVerify(boolean value) {
    return new PrometheusEndpoint(
        baseUrl, timeout, bearerTokenFile, caFile, value, maxResponseBytes, maxSamples);
  }

  public PrometheusEndpoint withMaxResponseBytes(long value) {
    return new PrometheusEndpoint(
        baseUrl, timeout, bearerTokenFile, caFile, insecureSkipTlsVerify, value, maxSamples);
  }

  public PrometheusEndpoint withMaxSamples(int value) {
    return new PrometheusEndpoint(
        baseUrl, timeout, bearerTokenFile, caFile, insecureSkipTlsVerify, maxResponseBytes, value);
  }

  /** The base URL as shown in messages: scheme, host, port and path, never anything else. */
  public String displayUrl() {
    String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** URL of one API path, e.g. {@code api/v1/query}, below the base URL's own path. */
  URI resolve(String apiPath) {
    return URI.create(displayUrl() + "/" + apiPath);
  }
}
