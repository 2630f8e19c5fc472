package dev.headroom.operator.it.faults;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A plain-HTTP proxy on 127.0.0.1 in front of the API server: the operator talks HTTP with its
 * bearer token to it, and it forwards each request over TLS (trusting the test bed's CA). While
 * {@linkplain #enable(Rates) enabled} it fails requests on purpose, drawn from a seeded random:
 * 500/503 and 429 answers, 409 Conflict on writes of {@code /status} and {@code /scale}, added
 * latency, connections dropped before or after the request reached the API server, and watch
 * streams cut after a while. It counts what it injected.
 *
 * <p>Every forwarded request carries {@code Connection: close}, so one client connection is one
 * request and the proxy never has to parse a response; upgrades (WebSocket watches) are piped as
 * they are.
 */
public final class ApiFaultProxy implements AutoCloseable {

  /** Probabilities per request; zero everywhere is a transparent proxy. */
  public record Rates(double serverError, double throttle, double conflict, double latency,
      double dropBefore, double dropAfter, double watchCut) {

    public static final Rates NONE = new Rates(0, 0, 0, 0, 0, 0, 0);

    /** A random mix where every kind is possible and at most about a third of requests fail. */
    public static Rates random(SplittableRandom random) {
      return new Rates(random.nextDouble(0.02, 0.08), random.nextDouble(0.01, 0.05),
          random.nextDouble(0.10, 0.35), random.nextDouble(0.05, 0.20),
          random.nextDouble(0.01, 0.04), random.nextDouble(0.01, 0.04), random.nextDouble(0.3, 0.9));
    }
  }

  private final URI upstream;
  private final SSLContext tls;
  private final ServerSocket server;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "api-fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private final ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "api-fault-proxy-cutter");
    t.setDaemon(true);
    return t;
  });
  private final SplittableRandom random;
  private final Map<FaultKind, AtomicLong> injected = new EnumMap<>(FaultKind.class);
  private final AtomicLong requests = new AtomicLong();
  private volatile Rates rates = Rates.NONE;
  private volatile boolean open = true;

  public ApiFaultProxy(URI upstream, String caPemBase64, long seed) throws IOException {
    this.upstream = upstream;
    this.tls = trusting(caPemBase64);
    this.random = new SplittableRandom(seed);
    for (FaultKind k : FaultKind.values()) {
      injected.put(k, new AtomicLong());
    }
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    Thread acceptor = new Thread(this::accept, "api-fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  public void enable(Rates rates) {
    this.rates = rates;
  }

  public void disable() {
    this.rates = Rates.NONE;
  }

  public boolean enabled() {
    return rates != Rates.NONE;
  }

  public long requests() {
    return requests.get();
  }

  /** What was injected so far, by kind (only the proxy's kinds are non-zero). */
  public Map<FaultKind, Long> injected() {
    Map<FaultKind, Long> out = new EnumMap<>(FaultKind.class);
    injected.forEach((k, v) -> {
      if (v.get() > 0) {
        out.put(k, v.get());
      }
    });
    return out;
  }

  private void accept() {
    while (open) {
      try {
        Socket client = server.accept();
        workers.execute(() -> serve(client));
      } catch (IOException e) {
        if (!open) {
          return;
        }
      }
    }
  }

  private enum Kind { READ, WATCH, WRITE, STATUS_OR_SCALE_WRITE }

  private void serve(Socket client) {
    try (client) {
      client.setTcpNoDelay(true);
      InputStream in = client.getInputStream();
      List<String> head = readHead(in);
      if (head == null || head.isEmpty()) {
        return;
      }
      requests.incrementAndGet();
      String[] line = head.get(0).split(" ");
      String method = line[0];
      String target = line.length > 1 ? line[1] : "/";
      Kind kind = classify(method, target);
      Rates r = rates;
      FaultKind fault = draw(r, kind);
      if (fault != null) {
        injected.get(fault).incrementAndGet();
      }
      OutputStream out = client.getOutputStream();
      if (fault == FaultKind.API_SERVER_ERROR) {
        int code = nextBoolean() ? 500 : 503;
        answer(out, code, code == 500 ? "Internal Server Error" : "Service Unavailable",
            code == 500 ? "InternalError" : "ServiceUnavailable", "injected by the fault run");
        return;
      }
      if (fault == FaultKind.API_THROTTLE) {
        answer(out, 429, "Too Many Requests", "TooManyRequests", "injected by the fault run");
        return;
      }
      if (fault == FaultKind.API_CONFLICT) {
        answer(out, 409, "Conflict", "Conflict",
            "Operation cannot be fulfilled: the object has been modified; please apply your changes "
                + "to the latest version and try again (injected by the fault run)");
        return;
      }
      if (fault == FaultKind.API_DROP_BEFORE) {
        client.setSoLinger(true, 0);
        return;
      }
      if (fault == FaultKind.API_LATENCY) {
        Thread.sleep(nextLong(200, 1500));
      }
      forward(client, in, head, fault);
    } catch (IOException e) {
      // a client or the API server went away: nothing to do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(Socket client, InputStream in, List<String> head, FaultKind fault) throws IOException {
    SSLSocket up = (SSLSocket) tls.getSocketFactory().createSocket(upstream.getHost(), upstream.getPort());
    try (up) {
      up.setTcpNoDelay(true);
      boolean upgrade = head.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("upgrade:")
          && h.toLowerCase(Locale.ROOT).contains("websocket"));
      StringBuilder request = new StringBuilder(head.get(0)).append("\r\n");
      for (String h : head.subList(1, head.size())) {
        String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
        if (name.equals("host") || name.equals("http2-settings") || name.equals("keep-alive")
            || name.equals("proxy-connection")
            || (!upgrade && (name.equals("connection") || name.equals("upgrade")))) {
          continue;
        }
        request.append(h).append("\r\n");
      }
      request.append("Host: ").append(upstream.getHost()).append(':').append(upstream.getPort()).append("\r\n");
      if (!upgrade) {
        request.append("Connection: close\r\n");
      }
      request.append("\r\n");
      OutputStream upOut = up.getOutputStream();
      upOut.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      upOut.flush();
      workers.execute(() -> pipe(in, upOut, up));
      if (fault == FaultKind.API_WATCH_CUT) {
        cutter.schedule(() -> {
          closeQuietly(client);
          closeQuietly(up);
        }, nextLong(500, 8000), TimeUnit.MILLISECONDS);
      }
      InputStream upIn = up.getInputStream();
      OutputStream out = client.getOutputStream();
      byte[] buffer = new byte[16384];
      int n;
      boolean first = true;
      while ((n = upIn.read(buffer)) >= 0) {
        if (first && fault == FaultKind.API_DROP_AFTER) {
          // the API server did it; the client never hears
          client.setSoLinger(true, 0);
          return;
        }
        first = false;
        out.write(buffer, 0, n);
        out.flush();
      }
    }
  }

  private static void pipe(InputStream from, OutputStream to, Socket closeOnEnd) {
    byte[] buffer = new byte[16384];
    try {
      int n;
      while ((n = from.read(buffer)) >= 0) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      // either side closed
    } finally {
      try {
        if (closeOnEnd instanceof SSLSocket) {
          // half-close is not supported on TLS; the response side ends the exchange
          return;
        }
        closeOnEnd.shutdownOutput();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private FaultKind draw(Rates r, Kind kind) {
    if (r == Rates.NONE) {
      return null;
    }
    double x = nextDouble();
    if (kind == Kind.WATCH) {
      return x < r.watchCut() ? FaultKind.API_WATCH_CUT : null;
    }
    if (kind == Kind.STATUS_OR_SCALE_WRITE) {
      if (x < r.conflict()) {
        return FaultKind.API_CONFLICT;
      }
      x -= r.conflict();
    }
    if ((x -= r.serverError()) < 0) {
      return FaultKind.API_SERVER_ERROR;
    }
    if ((x -= r.throttle()) < 0) {
      return FaultKind.API_THROTTLE;
    }
    if ((x -= r.latency()) < 0) {
      return FaultKind.API_LATENCY;
    }
    if ((x -= r.dropBefore()) < 0) {
      return FaultKind.API_DROP_BEFORE;
    }
    if (kind != Kind.READ && (x -= r.dropAfter()) < 0) {
      return FaultKind.API_DROP_AFTER;
    }
    return null;
  }

  private static Kind classify(String method, String target) {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
    if (method.equals("GET")) {
      return query.contains("watch=true") || query.contains("watch=1") ? Kind.WATCH : Kind.READ;
    }
    if ((method.equals("PUT") || method.equals("PATCH")) && (path.endsWith("/status") || path.endsWith("/scale"))) {
      return Kind.STATUS_OR_SCALE_WRITE;
    }
    return Kind.WRITE;
  }

  private static void answer(OutputStream out, int code, String text, String reason, String message) throws IOException {
    String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"" + message + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + code + " " + text + "\r\nContent-Type: application/json\r\n"
        + (code == 429 ? "Retry-After: 1\r\n" : "")
        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  /** The request line and headers, or null at end of stream. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n' && previous == '\r') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        text = text.substring(0, text.length() - 1);
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
        previous = -1;
        continue;
      }
      line.write(c);
      previous = c;
      if (line.size() > 65536) {
        throw new IOException("header line too long");
      }
    }
    return lines.isEmpty() ? null : lines;
  }

  private synchronized double nextDouble() {
    return random.nextDouble();
  }

  private synchronized boolean nextBoolean() {
    return random.nextBoolean();
  }

  private synchronized long nextLong(long from, long to) {
    return random.nextLong(from, to);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static SSLContext trusting(String caPemBase64) {
    try {
      byte[] pem = Base64.getDecoder().decode(caPemBase64.trim());
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot trust the test bed CA", e);
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    workers.shutdownNow();
    cutter.shutdownNow();
  }
}
