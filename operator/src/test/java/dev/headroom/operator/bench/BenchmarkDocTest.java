package dev.headroom.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkDocTest {

  @Test
  void theFirstRunCreatesTheSectionAtTheEnd() {
    String doc = BenchmarkDoc.withRows("# Benchmarks\n\nother sections\n", "| row 1 |\n");
    assertThat(doc).startsWith("# Benchmarks\n\nother sections\n\n" + BenchmarkDoc.BEGIN);
    assertThat(doc)
        .contains(
            BenchmarkResult.HEADER
                + "\n"
                + BenchmarkResult.RULE
                + "\n| row 1 |\n"
                + BenchmarkDoc.END);
  }

  @Test
  void laterRunsAppendRowsAndKeepEverythingElse() {
    String first =
        BenchmarkDoc.withRows("# B\n", "| row 1 |\n")
            + "\n<!-- BEGIN other -->\nx\n<!-- END other -->\n";
    String second = BenchmarkDoc.withRows(first, "| row 2 |\n");
    assertThat(second).contains("| row 1 |\n| row 2 |\n" + BenchmarkDoc.END);
    assertThat(second).endsWith("<!-- BEGIN other -->\nx\n<!-- END other -->\n");
  }
}
