package dev.headroom.operator.prometheus;

import dev.headroom.operator.prometheus.BoundedBodySubscriber.BodyTooLargeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One POST of form parameters to the endpoint, with the whole exchange (connect, headers, body)
 * under the endpoint's timeout and the body under its byte limit.
 */
final class HttpTransport {

  record Response(int status, ResponseBody body) {}

  private static final long MAX_TOKEN_BYTES = 64 * 1024;

  private final PrometheusEndpoint endpoint;
  private final HttpClient client;

  HttpTransport(PrometheusEndpoint endpoint) {
    this.endpoint = endpoint;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("https".equalsIgnoreCase(endpoint.baseUrl().getScheme())) {
      builder.sslContext(TlsContexts.forEndpoint(endpoint));
    }
    this.client = builder.build();
  }

  Response post(QueryType type, Map<String, String> form) throws PrometheusException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(type.apiPath()))
            .timeout(endpoint.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("User-Agent", "headroom-operator")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(form), StandardCharsets.UTF_8));
    Optional<String> token = bearerToken();
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));

    CompletableFuture<HttpResponse<ResponseBody>> exchange =
        client.sendAsync(
            request.build(), BoundedBodySubscriber.handler(endpoint.maxResponseBytes()));
    try {
      HttpResponse<ResponseBody> response =
          exchange.get(endpoint.timeout().toNanos(), TimeUnit.NANOSECONDS);
      return new Response(response.statusCode(), response.body());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new PrometheusException.Timeout(endpoint.displayUrl(), endpoint.timeout(), e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new PrometheusException.Interrupted(endpoint.displayUrl(), e);
    } catch (ExecutionException e) {
      throw classify(e.getCause());
    }
  }

  /** Names a failed exchange by the most telling cause in its chain. */
  PrometheusException classify(Throwable failure) {
    String url = endpoint.displayUrl();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return PrometheusException.TooLarge.bytes(url, endpoint.maxResponseBytes());
      }
      if (t instanceof HttpTimeoutException) {
        return new PrometheusException.Timeout(url, endpoint.timeout(), failure);
      }
      if (t instanceof SSLException) {
        return new PrometheusException.Unreachable(
            url, "TLS handshake failed (" + tlsProblem(describe(t)) + ")", failure);
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return new PrometheusException.Unreachable(
            url, "cannot resolve host " + endpoint.baseUrl().getHost(), failure);
      }
    }
    boolean connectFailed = false;
    String connectMessage = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        connectFailed = true;
        connectMessage = t.getMessage() == null ? connectMessage : t.getMessage();
      }
    }
    if (connectFailed) {
      boolean refused =
          connectMessage == null || connectMessage.toLowerCase(Locale.ROOT).contains("refused");
      return new PrometheusException.Unreachable(
          url,
          refused
              ? "connection refused"
              : "cannot connect (" + Text.clip(connectMessage, 200) + ")",
          failure);
    }
    String detail = describe(failure);
    if (detail.contains("received no bytes")) {
      return new PrometheusException.Unreachable(
          url, "the connection was closed without an answer", failure);
    }
    return new PrometheusException.Unreachable(
        url, "connection failed (" + Text.clip(detail, 200) + ")", failure);
  }

  /** The JDK's TLS complaints in plain words, the usual ones at least. */
  private String tlsProblem(String message) {
    if (message.contains("certification path") || message.contains("PKIX path")) {
      return "the certificate is not signed by a trusted CA";
    }
    if (message.contains("subject alternative") || message.contains("No name matching")) {
      return "the certificate is not valid for " + endpoint.baseUrl().getHost();
    }
    if (message.contains("validity check failed") || message.contains("NotAfter")) {
      return "the certificate has expired or is not yet valid";
    }
    return Text.clip(message, 200);
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** The token, read again on every request so a rotated file takes effect at once. */
  private Optional<String> bearerToken() throws PrometheusException {
    if (endpoint.bearerTokenFile().isEmpty()) {
      return Optional.empty();
    }
    Path file = endpoint.bearerTokenFile().get();
    String token;
    try {
      if (Files.size(file) > MAX_TOKEN_BYTES) {
        throw misconfigured(file, "larger than 64 KiB", null);
      }
      token = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw misconfigured(file, "no such file", e);
    } catch (IOException e) {
      throw misconfigured(file, describe(e), e);
    }
    if (token.isEmpty()) {
      throw misconfigured(file, "the file is empty", null);
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw misconfigured(file, "the token holds characters not allowed in an HTTP header", null);
    }
    return Optional.of(token);
  }

  private static PrometheusException.Misconfigured misconfigured(
      Path file, String detail, Throwable cause) {
    return new PrometheusException.Misconfigured(
        "cannot use the Prometheus bearer token file " + file + ": " + detail, cause);
  }

  static String formEncode(Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }
}
