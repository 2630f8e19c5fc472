package dev.headroom.testbed.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a trace: a CSV file whose header names the columns {@code timestamp} (UTC, {@code
 * 2016-07-01T00:00:00Z}) and {@code requests}, one row per interval, in time order.
 */
public final class TraceCsv {

  private TraceCsv() {}

  public static List<TracePoint> read(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("trace file " + csv + " not found");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(csv + " is empty");
    }
    List<String> header = Arrays.asList(lines.get(0).strip().split(","));
    int timestamp = header.indexOf("timestamp");
    int requests = header.indexOf("requests");
    if (timestamp < 0 || requests < 0) {
      throw new IllegalArgumentException(
          csv + ": the header must name the columns timestamp and requests, found " + header);
    }
    List<TracePoint> points = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != header.size()) {
        throw new IllegalArgumentException(
            csv
                + " line "
                + (i + 1)
                + ": "
                + cells.length
                + " cells, the header has "
                + header.size());
      }
      points.add(
          new TracePoint(epochSecond(csv, i, cells[timestamp]), number(csv, i, cells[requests])));
    }
    return points;
  }

  private static long epochSecond(Path csv, int index, String text) {
    try {
      return Instant.parse(text).getEpochSecond();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          csv
              + " line "
              + (index + 1)
              + ": timestamp '"
              + text
              + "' is not like 2016-07-01T00:00:00Z");
    }
  }

  private static double number(Path csv, int index, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          csv + " line " + (index + 1) + ": requests '" + text + "' is not a number");
    }
  }
}
