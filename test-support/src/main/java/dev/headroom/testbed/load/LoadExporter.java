package dev.headroom.testbed.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link LoadDirectory} as a Prometheus text exposition on {@code /metrics}, on 127.0.0.1.
 * Run by the test bed next to Prometheus, which scrapes it every second:
 *
 * <pre>java -cp ... dev.headroom.testbed.load.LoadExporter DIR PORT</pre>
 */
public final class LoadExporter implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;

  private LoadExporter(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Starts serving {@code directory} on 127.0.0.1:{@code port} (0 picks a free port). */
  public static LoadExporter start(LoadDirectory directory, int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> respond(exchange, directory));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    server.setExecutor(threads);
    server.start();
    return new LoadExporter(server, threads);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, LoadDirectory directory) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/metrics")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = directory.exposition().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: LoadExporter DIR PORT");
      System.exit(2);
    }
    start(new LoadDirectory(Path.of(args[0])), Integer.parseInt(args[1]));
  }
}
