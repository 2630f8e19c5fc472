package dev.headroom.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The test bed's Prometheus (Debian's package, on loopback).
 *
 * <p>Live values: {@link #setLoad} writes one series into the load exporter's directory, which
 * Prometheus scrapes every second (job {@code headroom-load}). History: {@link #backfill} turns a
 * {@code timestamp,requests} CSV trace into blocks, shifted so that the trace ends just before now.
 */
public final class Prometheus {

  /** Default metric of {@link #backfill(Path)}: requests per second of the trace. */
  public static final String TRACE_METRIC = "headroom_trace_requests_per_second";

  /** How far a backfilled trace is moved in time: by whole intervals, days or weeks. */
  public enum Alignment {
    /** Ends one interval before now; time of day and weekday are not kept. */
    INTERVAL,
    /** Keeps the time of day; ends within a day before now. */
    DAY,
    /** Keeps the weekday and time of day; ends within a week before now. */
    WEEK
  }

  /** One element of an instant-query vector. */
  public record Sample(Map<String, String> labels, Instant timestamp, double value) {}

  /**
   * What a backfill did: each original timestamp {@code t} was stored at {@code t + shiftSeconds}.
   */
  public record Backfill(
      String trace,
      String metric,
      Duration interval,
      long shiftSeconds,
      Instant first,
      Instant last,
      int samples) {

    /** Where a timestamp of the original trace lies in Prometheus. */
    public Instant shifted(Instant original) {
      return original.plusSeconds(shiftSeconds);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestBed bed;
  private final URI url;
  private final Path loadDir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Prometheus(TestBed bed, String url, Path loadDir) {
    this.bed = bed;
    this.url = URI.create(url);
    this.loadDir = loadDir;
  }

  /** Base URL, e.g. {@code http://127.0.0.1:29174}. */
  public URI url() {
    return url;
  }

  /** Sets the live value of {@code metric{labels}}; Prometheus sees it at its next 1 s scrape. */
  public void setLoad(String metric, Map<String, String> labels, double value) {
    String series = series(metric, labels);
    Path target = loadDir.resolve(seriesFileName(series) + ".prom");
    Path tmp = loadDir.resolve(seriesFileName(series) + ".tmp");
    try {
      Files.createDirectories(loadDir);
      Files.writeString(tmp, series + " " + formatValue(value) + "\n");
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops exposing {@code metric{labels}}; Prometheus marks it stale at the next scrape. */
  public void clearLoad(String metric, Map<String, String> labels) {
    try {
      Files.deleteIfExists(loadDir.resolve(seriesFileName(series(metric, labels)) + ".prom"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Backfills a trace as {@value #TRACE_METRIC}{trace="FILE_NAME"}, ending one interval before now.
   */
  public Backfill backfill(Path csv) {
    return backfill(csv, TRACE_METRIC, Map.of(), Alignment.INTERVAL);
  }

  /**
   * Backfills a {@code timestamp,requests} CSV as the gauge {@code metric} (requests per second)
   * with label {@code trace} (the file name without {@code .csv}) and {@code labels}. Replaces an
   * earlier backfill of the same trace; restarts Prometheus so that it loads the blocks.
   */
  public Backfill backfill(
      Path csv, String metric, Map<String, String> labels, Alignment alignment) {
    return backfill(csv, metric, labels, alignment, null);
  }

  /**
   * As {@link #backfill(Path, String, Map, Alignment)}, but the trace ends just before {@code end}
   * instead of now ({@code end} may lie in the past, e.g. at the start of an operator clock set
   * back for a replay). With {@link Alignment#INTERVAL} and a trace whose last interval ends
   * exactly at {@code end}, the trace is stored unshifted.
   */
  public Backfill backfill(
      Path csv, String metric, Map<String, String> labels, Alignment alignment, Instant end) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "backfill",
                csv.toAbsolutePath().toString(),
                "--metric=" + metric,
                "--align=" + alignment.name().toLowerCase(Locale.ROOT)));
    if (end != null) {
      args.add("--end=" + end.getEpochSecond());
    }
    if (!labels.isEmpty()) {
      args.add(
          "--labels="
              + new TreeMap<>(labels)
                  .entrySet().stream()
                      .map(e -> e.getKey() + "=" + e.getValue())
                      .collect(Collectors.joining(",")));
    }
    String output = bed.script(args.toArray(String[]::new));
    return parseBackfill(output);
  }

  static Backfill parseBackfill(String output) {
    for (String line : output.split("\n")) {
      if (line.startsWith("trace=")) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.trim().split(" ")) {
          int eq = field.indexOf('=');
          fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return new Backfill(
            fields.get("trace"),
            fields.get("metric"),
            Duration.ofSeconds(Long.parseLong(fields.get("interval"))),
            Long.parseLong(fields.get("shift")),
            Instant.ofEpochSecond(Long.parseLong(fields.get("first"))),
            Instant.ofEpochSecond(Long.parseLong(fields.get("last"))),
            Integer.parseInt(fields.get("samples")));
      }
    }
    throw new TestBedException(
        "scripts/testbed backfill printed no summary line: " + output.strip());
  }

  /** An instant query evaluated now. */
  public List<Sample> query(String promql) {
    return query(promql, null);
  }

  /** An instant query evaluated at {@code time} (now when null); the result must be a vector. */
  public List<Sample> query(String promql, Instant time) {
    String form = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    if (time != null) {
      form += "&time=" + time.getEpochSecond();
    }
    JsonNode data = post("/api/v1/query", form);
    String type = data.path("resultType").asText();
    if (!type.equals("vector")) {
      throw new TestBedException("expected a vector from '" + promql + "', got " + type);
    }
    List<Sample> samples = new ArrayList<>();
    for (JsonNode element : data.path("result")) {
      Map<String, String> labels = new TreeMap<>();
      element
          .path("metric")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      JsonNode value = element.path("value");
      samples.add(
          new Sample(
              labels,
              Instant.ofEpochMilli(Math.round(value.get(0).asDouble() * 1000)),
              Double.parseDouble(value.get(1).asText())));
    }
    return samples;
  }

  /** The single value of an instant query now; empty when the vector is empty. */
  public OptionalDouble queryValue(String promql) {
    return queryValue(promql, null);
  }

  /** The single value of an instant query at {@code time}; empty when the vector is empty. */
  public OptionalDouble queryValue(String promql, Instant time) {
    List<Sample> samples = query(promql, time);
    if (samples.size() > 1) {
      throw new TestBedException(
          "'" + promql + "' returned " + samples.size() + " series, expected at most one");
    }
    return samples.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(samples.get(0).value());
  }

  private JsonNode post(String path, String form) {
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
        throw new TestBedException(
            "prometheus "
                + path
                + " answered "
                + response.statusCode()
                + ": "
                + body.path("error").asText(response.body()));
      }
      return body.path("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestBedException("interrupted while querying prometheus", e);
    }
  }

  /**
   * {@code metric{k="v",...}} with labels sorted by name; the same text as {@code testbed load}.
   */
  static String series(String metric, Map<String, String> labels) {
    String inner =
        new TreeMap<>(labels)
            .entrySet().stream()
                .map(e -> e.getKey() + "=\"" + escape(e.getValue()) + "\"")
                .collect(Collectors.joining(","));
    return metric + "{" + inner + "}";
  }

  /**
   * First 16 hex digits of SHA-256 of the series text, as {@code scripts/testbed load} names files.
   */
  static String seriesFileName(String series) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(series.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String formatValue(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(value);
  }
}
