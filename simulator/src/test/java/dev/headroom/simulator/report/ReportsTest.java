package dev.headroom.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.simulator.cli.EmbeddedExample;
import dev.headroom.simulator.sim.ProgressListener;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.SimulationSettings;
import dev.headroom.simulator.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportsTest {

  private static SimulationResult example;

  @BeforeAll
  static void runExample() {
    example =
        new Simulator()
            .run(EmbeddedExample.scenario(), SimulationSettings.defaults(), ProgressListener.NONE);
  }

  @Test
  void everySvgIsWellFormedWithTheExpectedSeries() throws Exception {
    String html = new HtmlReport().render(example);
    Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
    int count = 0;
    while (m.find()) {
      Document doc =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
      count++;
    }
    assertThat(count).isEqualTo(2); // the policy's chart and the budget's
    assertThat(html)
        .contains(
            "Headroom capacity",
            "HPA capacity",
            "static peak capacity",
            "budget (maxConnections − reserved)",
            "demo/functions-db");
  }

  @Test
  void jsonIsStable() {
    String json = new JsonReport().render(example);
    assertThat(json)
        .isEqualTo(
            new JsonReport()
                .render(
                    new Simulator()
                        .run(
                            EmbeddedExample.scenario(),
                            SimulationSettings.defaults(),
                            ProgressListener.NONE)));
    assertThat(json).contains("\"limit\" : 90", "\"breachMinutes\"");
  }

  @Test
  void benchmarkSectionIsReplacedInPlace(@TempDir Path dir) throws Exception {
    Path md = dir.resolve("benchmarks.md");
    Files.writeString(md, "# Benchmarks\n\nintro\n\n## Operator\n\nkept\n");
    BenchmarkMarkdown writer = new BenchmarkMarkdown();
    List<BenchmarkMarkdown.Run> runs =
        List.of(
            new BenchmarkMarkdown.Run("Example", "example/example.yaml", example, example, 0.5));
    BenchmarkMarkdown.writeSection(md, writer.section(runs, 2, LocalDate.of(2025, 1, 2), "17"));
    String once = Files.readString(md);
    assertThat(once)
        .contains(
            "## Operator\n\nkept\n",
            BenchmarkMarkdown.BEGIN,
            "on 2025-01-02, on a machine with 2 cores",
            "| Example | ");
    BenchmarkMarkdown.writeSection(md, writer.section(runs, 2, LocalDate.of(2025, 1, 2), "17"));
    assertThat(Files.readString(md)).isEqualTo(once);
  }
}
