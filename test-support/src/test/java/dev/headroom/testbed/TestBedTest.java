package dev.headroom.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the test bed's Java side that need no running test bed. */
class TestBedTest {

  @Test
  void parsesTheExportLinesOfTestbedEnv() {
    String output =
        """
        testbed: some log line
        export KUBECONFIG='/work/main/.testbed/kubeconfig'
        export ODD='it'\\''s'
        export PGPORT='5432'
        """;
    assertThat(TestBed.parseEnv(output))
        .containsExactly(
            Map.entry("KUBECONFIG", "/work/main/.testbed/kubeconfig"),
            Map.entry("ODD", "it's"),
            Map.entry("PGPORT", "5432"));
  }

  @Test
  void findsTheRepositoryRootFromASubdirectory(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("scripts"));
    Files.writeString(root.resolve("scripts/testbed"), "#!/bin/sh\n");
    Path module = Files.createDirectories(root.resolve("test-support/target"));
    assertThat(TestBed.findRepoRoot(module)).contains(root);
    assertThat(TestBed.findRepoRoot(root.getParent())).isEmpty();
  }

  @Test
  void namespaceNamesAreDnsLabelsNamedAfterTheClass() {
    class A_Very_Long_Test_Class_Name_That_Goes_On_And_On_Beyond_Sixty_Three_Characters {}
    String name =
        TestBedExtension.namespaceName(
            A_Very_Long_Test_Class_Name_That_Goes_On_And_On_Beyond_Sixty_Three_Characters.class);
    assertThat(name)
        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
        .hasSizeLessThanOrEqualTo(63)
        .startsWith("t-a-very-long");
    assertThat(TestBedExtension.namespaceName(TestBedTest.class))
        .matches("t-testbedtest-[0-9a-f]{6}");
  }

  @Test
  void seriesTextAndFileNameMatchTheScript() {
    String series = Prometheus.series("load", Map.of("b", "2", "a", "x\"y"));
    assertThat(series).isEqualTo("load{a=\"x\\\"y\",b=\"2\"}");
    // printf '%s' 'load{app="web"}' | sha256sum | cut -c1-16
    assertThat(Prometheus.seriesFileName("load{app=\"web\"}")).isEqualTo("e68d686e6d5151b9");
  }

  @Test
  void parsesTheBackfillSummaryLine() {
    Prometheus.Backfill backfill =
        Prometheus.parseBackfill(
            """
        testbed: backfilled 480 samples
        trace=azure metric=m interval=60 shift=1000 first=1060 last=2000 samples=480
        """);
    assertThat(backfill.trace()).isEqualTo("azure");
    assertThat(backfill.interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(backfill.shifted(Instant.ofEpochSecond(60))).isEqualTo(Instant.ofEpochSecond(1060));
    assertThat(backfill.samples()).isEqualTo(480);
  }
}
