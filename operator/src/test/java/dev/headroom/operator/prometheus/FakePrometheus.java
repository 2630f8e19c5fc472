package dev.headroom.operator.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A Prometheus stand-in on a loopback port: answers every request with the current {@link
 * Responder} and records what it was asked. Slow responders wait on a latch that {@link #close()}
 * opens, so tearing down never waits for a sleeping handler.
 */
public final class FakePrometheus implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(
      String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** The form-encoded body decoded into its parameters, in order. */
    Map<String, String> form() {
      Map<String, String> form = new LinkedHashMap<>();
      if (body.isEmpty()) {
        return form;
      }
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return form;
    }
  }

  @FunctionalInterface
  public interface Responder {
    void respond(HttpExchange exchange, CountDownLatch closing) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Responder responder = json(200, "{}");

  private FakePrometheus(HttpServer server) {
    this.server = server;
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-prometheus");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakePrometheus start() throws IOException {
    return new FakePrometheus(HttpServer.create(loopback(), 0));
  }

  static FakePrometheus startHttps(SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new FakePrometheus(server);
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  public URI url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
  }

  public void answer(Responder next) {
    responder = next;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  Request lastRequest() {
    return requests.get(requests.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              body));
      responder.respond(exchange, closing);
    } catch (Exception e) {
      // The client hung up (timeout, size limit): nothing left to answer.
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- responders ----

  /** A complete answer with a Content-Length. */
  public static Responder json(int status, String body) {
    return (exchange, closing) -> send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A complete answer sent chunked, without a Content-Length. */
  static Responder chunked(int status, String body) {
    return (exchange, closing) -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 8192) {
          out.write(bytes, i, Math.min(8192, bytes.length - i));
          out.flush();
        }
      }
    };
  }

  /** Waits (until closed) before sending anything. */
  static Responder afterDelay(Duration delay, Responder then) {
    return (exchange, closing) -> {
      if (!closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
        then.respond(exchange, closing);
      }
    };
  }

  /** Sends headers and half a body at once, the rest after a delay. */
  static Responder stallingBody(Duration delay, String body) {
    return (exchange, closing) -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      if (!closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
        out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
      }
      out.close();
    };
  }

  /** Closes the connection without answering. */
  static Responder hangUp() {
    return (exchange, closing) -> {};
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
