package dev.headroom.operator.it.faults;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
 * <p>Each client connection gets its own upstream connection, kept alive as long as the client
 * keeps its own: messages are framed by Content-Length or chunked encoding and relayed as they come
 * (watch events included); upgrades (WebSocket watches) are piped as they are.
 */
public final class ApiFaultProxy implements AutoCloseable {

  /** Probabilities per request; zero everywhere is a transparent proxy. */
  public record Rates(
      double serverError,
      double throttle,
      double conflict,
      double latency,
      double dropBefore,
      double dropAfter,
      double watchCut) {

    public static final Rates NONE = new Rates(0, 0, 0, 0, 0, 0, 0);

    /** A random mix where every kind is possible and at most about a third of requests fail. */
    public static Rates random(SplittableRandom random) {
      return new Rates(
          random.nextDouble(0.02, 0.08),
          random.nextDouble(0.01, 0.05),
          random.nextDouble(0.10, 0.35),
          random.nextDouble(0.05, 0.20),
          random.nextDouble(0.01, 0.04),
          random.nextDouble(0.01, 0.04),
          random.nextDouble(0.3, 0.9));
    }
  }

  private final URI upstream;
  private final SSLContext tls;
  private final ServerSocket server;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "api-fault-proxy");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService cutter =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
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
    injected.forEach(
        (k, v) -> {
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

  private enum Kind {
    READ,
    WATCH,
    WRITE,
    STATUS_OR_SCALE_WRITE
  }

  private void serve(Socket client) {
    SSLSocket up = null;
    try (client) {
      client.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = new BufferedOutputStream(client.getOutputStream());
      InputStream upIn = null;
      OutputStream upOut = null;
      while (true) {
        List<String> head = readHead(in);
        if (head == null || head.isEmpty()) {
          return;
        }
        requests.incrementAndGet();
        String[] line = head.get(0).split(" ");
        String method = line[0];
        String target = line.length > 1 ? line[1] : "/";
        Kind kind = classify(method, target);
        FaultKind fault = draw(rates, kind);
        if (fault != null) {
          injected.get(fault).incrementAndGet();
        }
        boolean upgrade = header(head, "upgrade").toLowerCase(Locale.ROOT).contains("websocket");
        if (fault == FaultKind.API_SERVER_ERROR
            || fault == FaultKind.API_THROTTLE
            || fault == FaultKind.API_CONFLICT
            || fault == FaultKind.API_DROP_BEFORE) {
          relayBody(in, OutputStream.nullOutputStream(), head, false);
          if (fault == FaultKind.API_DROP_BEFORE) {
            client.setSoLinger(true, 0);
            return;
          }
          if (fault == FaultKind.API_SERVER_ERROR) {
            int code = nextBoolean() ? 500 : 503;
            answer(
                out,
                code,
                code == 500 ? "Internal Server Error" : "Service Unavailable",
                code == 500 ? "InternalError" : "ServiceUnavailable",
                "injected by the fault run");
          } else if (fault == FaultKind.API_THROTTLE) {
            answer(out, 429, "Too Many Requests", "TooManyRequests", "injected by the fault run");
          } else {
            answer(
                out,
                409,
                "Conflict",
                "Conflict",
                "Operation cannot be fulfilled: the object has been modified; please apply your changes "
                    + "to the latest version and try again (injected by the fault run)");
          }
          if (upgrade) {
            return;
          }
          continue;
        }
        if (fault == FaultKind.API_LATENCY) {
          Thread.sleep(nextLong(200, 1500));
        }
        if (up == null || up.isClosed()) {
          up =
              (SSLSocket)
                  tls.getSocketFactory().createSocket(upstream.getHost(), upstream.getPort());
          up.setTcpNoDelay(true);
          upIn = new BufferedInputStream(up.getInputStream());
          upOut = new BufferedOutputStream(up.getOutputStream());
        }
        StringBuilder request = new StringBuilder(head.get(0)).append("\r\n");
        for (String h : head.subList(1, head.size())) {
          String name = name(h);
          if (name.equals("host")
              || name.equals("http2-settings")
              || name.equals("proxy-connection")
              || (!upgrade && name.equals("upgrade"))) {
            continue;
          }
          if (!upgrade && name.equals("connection")) {
            continue;
          }
          request.append(h).append("\r\n");
        }
        request
            .append("Host: ")
            .append(upstream.getHost())
            .append(':')
            .append(upstream.getPort())
            .append("\r\n\r\n");
        upOut.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        relayBody(in, upOut, head, false);
        upOut.flush();
        List<String> response = readHead(upIn);
        if (response == null || response.isEmpty()) {
          return;
        }
        if (fault == FaultKind.API_DROP_AFTER) {
          // the API server did it; the client never hears
          client.setSoLinger(true, 0);
          return;
        }
        String[] status = response.get(0).split(" ");
        int code = status.length > 1 ? Integer.parseInt(status[1]) : 0;
        out.write(
            (String.join("\r\n", response) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (code == 101) {
          SSLSocket upstreamSocket = up;
          InputStream fromClient = in;
          OutputStream toUpstream = upOut;
          workers.execute(() -> pipe(fromClient, toUpstream, upstreamSocket));
          if (fault == FaultKind.API_WATCH_CUT) {
            scheduleCut(client, up);
          }
          pipe(upIn, out, client);
          return;
        }
        if (fault == FaultKind.API_WATCH_CUT) {
          scheduleCut(client, up);
        }
        boolean noBody =
            method.equals("HEAD") || code == 204 || code == 304 || (code >= 100 && code < 200);
        boolean reusable = noBody || relayBody(upIn, out, response, true);
        out.flush();
        if (!reusable
            || header(response, "connection").equalsIgnoreCase("close")
            || header(head, "connection").equalsIgnoreCase("close")) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // a client or the API server went away, or a cut: nothing to do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (up != null) {
        closeQuietly(up);
      }
    }
  }

  private void scheduleCut(Socket client, Socket up) {
    cutter.schedule(
        () -> {
          closeQuietly(client);
          closeQuietly(up);
        },
        nextLong(500, 8000),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Copies one message body as its headers frame it (chunked, Content-Length, or a response to the
   * end of the stream); false when the connection cannot carry another message.
   */
  private static boolean relayBody(
      InputStream from, OutputStream to, List<String> head, boolean response) throws IOException {
    if (header(head, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
      while (true) {
        String size = readLine(from);
        to.write((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        int semicolon = size.indexOf(';');
        long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          String trailer;
          do {
            trailer = readLine(from);
            to.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          } while (!trailer.isEmpty());
          to.flush();
          return true;
        }
        copy(from, to, n);
        to.write((readLine(from) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        to.flush();
      }
    }
    String length = header(head, "content-length");
    if (!length.isEmpty()) {
      copy(from, to, Long.parseLong(length.trim()));
      return true;
    }
    if (!response) {
      return true;
    }
    from.transferTo(to);
    return false;
  }

  private static void copy(InputStream from, OutputStream to, long n) throws IOException {
    byte[] buffer = new byte[16384];
    while (n > 0) {
      int read = from.read(buffer, 0, (int) Math.min(buffer.length, n));
      if (read < 0) {
        throw new IOException("body ended early");
      }
      to.write(buffer, 0, read);
      n -= read;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(c);
    }
    throw new IOException("stream ended in a line");
  }

  private static String name(String header) {
    return header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
  }

  private static String header(List<String> head, String name) {
    for (String h : head.subList(1, head.size())) {
      if (name(h).equals(name)) {
        return h.substring(h.indexOf(':') + 1).trim();
      }
    }
    return "";
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
      closeQuietly(closeOnEnd);
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
    if ((method.equals("PUT") || method.equals("PATCH"))
        && (path.endsWith("/status") || path.endsWith("/scale"))) {
      return Kind.STATUS_OR_SCALE_WRITE;
    }
    return Kind.WRITE;
  }

  private static void answer(OutputStream out, int code, String text, String reason, String message)
      throws IOException {
    String body =
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            + "\"message\":\""
            + message
            + "\",\"reason\":\""
            + reason
            + "\",\"code\":"
            + code
            + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + code
            + " "
            + text
            + "\r\nContent-Type: application/json\r\n"
            + (code == 429 ? "Retry-After: 1\r\n" : "")
            + "Content-Length: "
            + bytes.length
            + "\r\n\r\n";
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
      for (Certificate cert :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem))) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
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
