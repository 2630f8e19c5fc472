package dev.headroom.operator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends result rows to the operator-benchmark section of docs/benchmarks.md (between its
 * BEGIN/END markers, created at the end of the file on first use). Earlier rows are kept, so the
 * table is the history of runs; the text above the table is written by hand.
 */
final class BenchmarkDoc {

  static final String BEGIN = "<!-- BEGIN benchmarks/operator-bench -->";
  static final String END = "<!-- END benchmarks/operator-bench -->";

  private BenchmarkDoc() {}

  static void append(Path doc, List<BenchmarkResult> results) throws IOException {
    String text = Files.readString(doc);
    StringBuilder rows = new StringBuilder();
    results.forEach(r -> rows.append(r.row(BenchmarkResult.commit())).append('\n'));
    Files.writeString(doc, withRows(text, rows.toString()));
  }

  static String withRows(String doc, String rows) {
    if (!doc.contains(BEGIN) || !doc.contains(END)) {
      return doc.stripTrailing()
          + "\n\n"
          + BEGIN
          + "\n## Operator benchmark\n\n"
          + BenchmarkResult.HEADER
          + "\n"
          + BenchmarkResult.RULE
          + "\n"
          + rows
          + END
          + "\n";
    }
    int end = doc.indexOf(END);
    return doc.substring(0, end) + rows + doc.substring(end);
  }
}
