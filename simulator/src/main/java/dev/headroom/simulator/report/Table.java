package dev.headroom.simulator.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: first column left-aligned, the others right-aligned. */
final class Table {

  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header);
  }

  Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  String render(String indent) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(indent);
      for (int c = 0; c < columns; c++) {
        int pad = width[c] - row[c].codePointCount(0, row[c].length());
        if (c == 0) {
          out.append(row[c]).append(" ".repeat(pad));
        } else {
          out.append("  ").append(" ".repeat(pad)).append(row[c]);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }
}
