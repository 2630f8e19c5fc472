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
 * Reads a trace CSV in the shared format: header {@code timestamp,requests}; one row per
 * interval; {@code timestamp} the UTC start of the interval in ISO-8601 ({@code
 * 1998-06-10T00:00:00Z}); {@code requests} a non-negative count (integer or decimal); rows sorted,
 * evenly spaced, no gaps. The interval is the distance between the first two rows.
 *
 * <p>Every error names the source and the line, e.g. {@code web.csv line 7: requests '-3' is
 * negative}.
 */
public final class TraceReader {

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setIgnoreSurroundingSpaces(true)
      .setIgnoreEmptyLines(false)
      .get();

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
      Instant start = null;
      Instant previous = null;
      long interval = 0;
      int line = 1;
      double[] counts = new double[1024];
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
          throw new TraceException(at(source, line) + "expected 2 columns (timestamp,requests), got "
              + record.size() + ": '" + String.join(",", record.values()) + "'");
        }
        Instant timestamp = timestamp(source, line, record.get(0));
        double requests = requests(source, line, record.get(1));
        if (previous != null) {
          long step = Duration.between(previous, timestamp).getSeconds();
          if (interval == 0) {
            if (step <= 0) {
              throw new TraceException(at(source, line) + "timestamp " + timestamp
                  + " is not after the previous row's " + previous + "; rows must be sorted");
            }
            if (Duration.between(previous, timestamp).getNano() != 0) {
              throw new TraceException(at(source, line) + "the interval must be whole seconds, got "
                  + Duration.between(previous, timestamp));
            }
            interval = step;
          } else if (!previous.plusSeconds(interval).equals(timestamp)) {
            throw new TraceException(at(source, line) + gapMessage(previous, timestamp, interval));
          }
        } else {
          start = timestamp;
        }
        previous = timestamp;
        if (n == counts.length) {
          counts = Arrays.copyOf(counts, n * 2);
        }
        counts[n++] = requests;
      }
      if (n < 2) {
        throw new TraceException(source + ": needs at least two data rows to know the interval, got "
            + n);
      }
      return new Trace(source, start, interval, Arrays.copyOf(counts, n));
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new TraceException(source + ": not valid CSV: " + e.getMessage(), e);
    }
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
      throw new TraceException(at(source, 1) + "expected the header 'timestamp,requests', got '"
          + String.join(",", names) + "'");
    }
  }

  private static Instant timestamp(String source, int line, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new TraceException(at(source, line) + "timestamp '" + text
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
    if (!timestamp.isAfter(previous)) {
      return "timestamp " + timestamp + " is not after the previous row's " + previous
          + "; rows must be sorted, without duplicates";
    }
    Duration actual = Duration.between(previous, timestamp);
    if (actual.compareTo(expected) > 0 && actual.getSeconds() % interval == 0
        && actual.getNano() == 0) {
      long missing = actual.getSeconds() / interval - 1;
      return "gap: " + missing + " interval" + (missing == 1 ? "" : "s") + " missing between "
          + previous + " and " + timestamp + " (interval " + ApiDurations.format(expected)
          + "); write intervals without requests as 0";
    }
    return "timestamp " + timestamp + " is " + ApiDurations.format(actual)
        + " after the previous row; every row must be " + ApiDurations.format(expected)
        + " after the one before (the interval set by the first two rows)";
  }

  private static String at(String source, int line) {
    return source + " line " + line + ": ";
  }
}
