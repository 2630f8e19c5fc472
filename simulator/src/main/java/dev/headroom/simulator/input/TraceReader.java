package dev.headroom.simulator.input;

import dev.headroom.engine.model.ApiDurations;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a trace CSV in the shared format: header {@code timestamp,requests}; one row per interval;
 * {@code timestamp} the UTC start of the interval in ISO-8601 ({@code 1998-06-10T00:00:00Z});
 * {@code requests} a non-negative count (integer or decimal); rows sorted, evenly spaced, no gaps.
 * The interval is the distance between the first two rows.
 *
 * <p>Every error names the source and the line, e.g. {@code web.csv line 7: requests '-3' is
 * negative}.
 */
public final class TraceReader {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();

  public Trace read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), reader);
    } catch (NoSuchFileException e) {
      throw new TraceException(file + ": no such file");
    } catch (IOException e) {
      throw new TraceException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads from {@code reader}; {@code source} names it in messages. */
  public Trace read(String source, Reader reader) throws IOException {
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new TraceException(source + ": empty file; expected the header timestamp,requests");
      }
      checkHeader(source, records.next());
      int line = 1;
      double[] counts = new double[1024];
      Instant[] times = new Instant[1024];
      int[] lines = new int[1024];
      int n = 0;
      while (records.hasNext()) {
        CSVRecord record = nextRecord(source, records, line);
        line++;
        if (record.size() == 1 && record.get(0).isEmpty()) {
          if (records.hasNext()) {
            throw new TraceException(at(source, line) + "empty line inside the data");
          }
          break; // a trailing blank line
        }
        if (record.size() != 2) {
          throw new TraceException(
              at(source, line)
                  + "expected 2 columns (timestamp,requests), got "
                  + record.size()
                  + ": '"
                  + String.join(",", record.values())
                  + "'");
        }
        Instant timestamp = timestamp(source, line, record.get(0));
        double requests = requests(source, line, record.get(1));
        if (n == counts.length) {
          counts = Arrays.copyOf(counts, n * 2);
          times = Arrays.copyOf(times, n * 2);
          lines = Arrays.copyOf(lines, n * 2);
        }
        counts[n] = requests;
        times[n] = timestamp;
        lines[n] = line;
        n++;
      }
      if (n < 2) {
        throw new TraceException(
            source + ": needs at least two data rows to know the interval, got " + n);
      }
      long interval = checkTimes(source, times, lines, n);
      Instant start = times[0];
      return new Trace(source, start, interval, Arrays.copyOf(counts, n));
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new TraceException(source + ": not valid CSV: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the order first (so that an out-of-order row is reported as such, not as the gap it
   * leaves), then the interval of the first two rows, then the spacing; returns the interval.
   */
  private static long checkTimes(String source, Instant[] times, int[] lines, int n) {
    for (int i = 1; i < n; i++) {
      int order = times[i].compareTo(times[i - 1]);
      if (order == 0) {
        throw new TraceException(
            at(source, lines[i])
                + "timestamp "
                + times[i]
                + " repeats the previous row's; rows must be sorted, without duplicates");
      }
      if (order < 0) {
        throw new TraceException(
            at(source, lines[i])
                + "timestamp "
                + times[i]
                + " is before the previous row's "
                + times[i - 1]
                + " (line "
                + lines[i - 1]
                + "): rows are out of order; sort them by timestamp");
      }
    }
    Duration first = Duration.between(times[0], times[1]);
    if (first.getNano() != 0 || times[0].getNano() != 0) {
      throw new TraceException(
          at(source, lines[1])
              + "the interval must be a whole number of"
              + " seconds starting on a whole second; rows "
              + times[0]
              + " and "
              + times[1]
              + " are "
              + first.toMillis()
              + " ms apart");
    }
    long interval = first.getSeconds();
    for (int i = 2; i < n; i++) {
      if (!times[i - 1].plusSeconds(interval).equals(times[i])) {
        throw new TraceException(
            at(source, lines[i]) + gapMessage(times[i - 1], times[i], interval));
      }
    }
    return interval;
  }

  private static CSVRecord nextRecord(String source, Iterator<CSVRecord> records, int line) {
    try {
      return records.next();
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new TraceException(at(source, line + 1) + "not valid CSV: " + e.getMessage(), e);
    }
  }

  private static void checkHeader(String source, CSVRecord header) {
    String[] names = header.values();
    if (names.length > 0) {
      names[0] = names[0].replace("\uFEFF", "");
    }
    if (names.length != 2 || !names[0].equals("timestamp") || !names[1].equals("requests")) {
      throw new TraceException(
          at(source, 1)
              + "expected the header 'timestamp,requests', got '"
              + String.join(",", names)
              + "'");
    }
  }

  private static Instant timestamp(String source, int line, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new TraceException(
          at(source, line)
              + "timestamp '"
              + text
              + "' is not an ISO-8601 UTC time such as 1998-06-10T00:00:00Z");
    }
  }

  private static double requests(String source, int line, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new TraceException(at(source, line) + "requests '" + text + "' is not a number");
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new TraceException(at(source, line) + "requests '" + text + "' is not a finite number");
    }
    if (value < 0) {
      throw new TraceException(at(source, line) + "requests '" + text + "' is negative");
    }
    return value;
  }

  private static String gapMessage(Instant previous, Instant timestamp, long interval) {
    Duration expected = Duration.ofSeconds(interval);
    Duration actual = Duration.between(previous, timestamp);
    if (actual.compareTo(expected) > 0
        && actual.getSeconds() % interval == 0
        && actual.getNano() == 0) {
      long missing = actual.getSeconds() / interval - 1;
      return "gap: "
          + missing
          + " interval"
          + (missing == 1 ? "" : "s")
          + " missing between "
          + previous
          + " and "
          + timestamp
          + " (interval "
          + ApiDurations.format(expected)
          + "); write intervals without requests as 0";
    }
    return "timestamp "
        + timestamp
        + " is "
        + ApiDurations.format(actual)
        + " after the previous row; every row must be "
        + ApiDurations.format(expected)
        + " after the one before (the interval set by the first two rows)";
  }

  private static String at(String source, int line) {
    return source + " line " + line + ": ";
  }
}
