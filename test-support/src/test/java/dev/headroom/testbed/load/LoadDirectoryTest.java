package dev.headroom.testbed.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadDirectoryTest {

  @TempDir Path dir;

  @Test
  void aSetValueReplacesTheEarlierOneOfTheSameSeries() {
    LoadDirectory loads = new LoadDirectory(dir.resolve("load"));
    Series web = Series.of("rps", Map.of("app", "web"));
    loads.set(web, 1);
    loads.set(Series.of("rps", Map.of("app", "db")), 2.5);
    loads.set(web, 42.5);
    assertThat(loads.exposition().lines())
        .containsExactlyInAnyOrder("rps{app=\"web\"} 42.5", "rps{app=\"db\"} 2.5");
  }

  @Test
  void aClearedSeriesIsNoLongerServed() {
    LoadDirectory loads = new LoadDirectory(dir);
    Series web = Series.of("rps", Map.of("app", "web"));
    loads.set(web, 1);
    loads.clear(web);
    assertThat(loads.exposition()).isEmpty();
  }

  @Test
  void specialValuesAreWrittenAsTheTextFormatSpellsThem() {
    LoadDirectory loads = new LoadDirectory(dir);
    loads.set(Series.of("a", Map.of()), Double.NaN);
    loads.set(Series.of("b", Map.of()), Double.POSITIVE_INFINITY);
    assertThat(loads.exposition().lines()).containsExactlyInAnyOrder("a{} NaN", "b{} +Inf");
  }

  @Test
  void filesOfOtherWritersAreServedLineByLineWithoutBlankLines() throws IOException {
    Files.writeString(dir.resolve("bench.prom"), "x{a=\"1\"} 1\n\n  \nx{a=\"2\"} 2\n");
    Files.writeString(dir.resolve("ignored.tmp"), "y 1\n");
    assertThat(new LoadDirectory(dir).exposition()).isEqualTo("x{a=\"1\"} 1\nx{a=\"2\"} 2\n");
  }

  @Test
  void aMissingDirectoryServesNothing() {
    assertThat(new LoadDirectory(dir.resolve("absent")).exposition()).isEmpty();
  }

  @Test
  void theExporterServesTheDirectoryOnMetricsOnly() throws Exception {
    LoadDirectory loads = new LoadDirectory(dir);
    loads.set(Series.of("rps", Map.of("app", "web")), 7);
    HttpClient http = HttpClient.newHttpClient();
    try (LoadExporter exporter = LoadExporter.start(loads, 0)) {
      URI base = URI.create("http://127.0.0.1:" + exporter.port());
      HttpResponse<String> metrics =
          http.send(
              HttpRequest.newBuilder(base.resolve("/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
      assertThat(metrics.body()).isEqualTo("rps{app=\"web\"} 7.0\n");
      HttpResponse<String> other =
          http.send(
              HttpRequest.newBuilder(base.resolve("/other")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).isEqualTo(404);
      loads.set(Series.of("rps", Map.of("app", "web")), 8);
      assertThat(
              http.send(
                      HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body())
          .isEqualTo("rps{app=\"web\"} 8.0\n");
    }
  }
}
