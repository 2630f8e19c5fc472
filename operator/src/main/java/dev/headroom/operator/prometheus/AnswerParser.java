package dev.headroom.operator.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a Prometheus answer with Jackson's streaming parser. Field order does not matter. A
 * single-value read keeps only the first series and counts and skips the others, so memory stays
 * proportional to one series however many the query matched; a vector read ({@link #parseVector})
 * keeps every series of an instant vector with its labels, up to a limit.
 */
final class AnswerParser {

  private static final JsonFactory JSON = new ObjectMapper().getFactory();

  private final String url;
  private final String promql;
  private final int maxSamples;
  private final int maxSeries;
  private final List<LabeledValue> allSeries = new ArrayList<>();
  private final LabelReader labelReader;
  private char[] lastTime = new char[0];
  private Instant lastInstant;

  private String status;
  private Optional<String> errorType = Optional.empty();
  private Optional<String> error = Optional.empty();
  private String resultType;
  private int seriesCount;
  private List<TimedValue> firstSeries = List.of();
  private boolean firstSeriesHasHistogram;
  private Optional<Answer.Pair> pair = Optional.empty();

  private AnswerParser(String url, String promql, int maxSamples, int maxSeries, LabelSets known) {
    this.url = url;
    this.promql = promql;
    this.maxSamples = maxSamples;
    this.maxSeries = maxSeries;
    this.labelReader = new LabelReader(known);
  }

  static Answer parse(ResponseBody body, String url, String promql, int maxSamples)
      throws PrometheusException {
    return new AnswerParser(url, promql, maxSamples, 0, LabelSets.NONE).read(body);
  }

  /**
   * Like {@link #parse}, keeping every series of an instant vector with its labels in {@link
   * Answer#allSeries()}; more than {@code maxSeries} series are refused.
   *
   * @param known the label sets of the previous answer to the same query: a series with the same
   *     labels gets that answer's map
   */
  static Answer parseVector(
      ResponseBody body, String url, String promql, int maxSeries, LabelSets known)
      throws PrometheusException {
    return new AnswerParser(url, promql, 1, maxSeries, known).read(body);
  }

  /** The error fields of a non-2xx answer, or nothing when its body is not a Prometheus answer. */
  static Optional<Answer> parseLeniently(ResponseBody body, String url, String promql) {
    try {
      return Optional.of(parse(body, url, promql, Integer.MAX_VALUE));
    } catch (PrometheusException e) {
      return Optional.empty();
    }
  }

  private Answer read(ResponseBody body) throws PrometheusException {
    if (body.isEmpty()) {
      throw malformed("the body is empty", null);
    }
    try (JsonParser p = JSON.createParser(body.stream())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("the body is not a JSON object", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "status" -> status = text(p, field);
          case "errorType" -> errorType = Optional.ofNullable(text(p, field));
          case "error" -> error = Optional.ofNullable(text(p, field));
          case "data" -> readData(p);
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw malformed("unexpected content after the JSON document", null);
      }
    } catch (JsonEOFException e) {
      throw malformed("the JSON ends early (truncated body)", e);
    } catch (JsonProcessingException e) {
      throw malformed("not valid JSON (" + firstClause(e.getOriginalMessage()) + ")", e);
    } catch (IOException e) {
      throw malformed("unreadable body (" + e.getMessage() + ")", e);
    }
    return new Answer(
        status,
        errorType,
        error,
        resultType,
        seriesCount,
        firstSeries,
        firstSeriesHasHistogram,
        pair,
        List.copyOf(allSeries),
        labelReader.unchanged(allSeries.size()));
  }

  private void readData(JsonParser p) throws IOException, PrometheusException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(p, JsonToken.START_OBJECT, "data");
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "resultType" -> resultType = text(p, field);
        case "result" -> readResult(p);
        default -> p.skipChildren();
      }
    }
  }

  private void readResult(JsonParser p) throws IOException, PrometheusException {
    expect(p, JsonToken.START_ARRAY, "data.result");
    JsonToken first = p.nextToken();
    if (first == JsonToken.END_ARRAY) {
      return;
    }
    if (first == JsonToken.START_OBJECT && maxSeries > 0) {
      do {
        if (seriesCount == maxSeries) {
          throw PrometheusException.TooLarge.series(promql, maxSeries);
        }
        readLabeledSeries(p);
        seriesCount++;
      } while (p.nextToken() == JsonToken.START_OBJECT);
      expect(p, JsonToken.END_ARRAY, "data.result");
      return;
    }
    if (first == JsonToken.START_OBJECT) {
      readFirstSeries(p);
      seriesCount = 1;
      while (p.nextToken() == JsonToken.START_OBJECT) {
        p.skipChildren();
        seriesCount++;
      }
      expect(p, JsonToken.END_ARRAY, "data.result");
      return;
    }
    Instant at = timestamp(p);
    p.nextToken();
    String value = text(p, "data.result[1]");
    if (p.nextToken() != JsonToken.END_ARRAY || value == null) {
      throw malformed("data.result is not a [time, value] pair", null);
    }
    pair = Optional.of(new Answer.Pair(at, value));
  }

  private void readFirstSeries(JsonParser p) throws IOException, PrometheusException {
    List<TimedValue> samples = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "value" -> samples.add(sample(p));
        case "values" -> {
          expect(p, JsonToken.START_ARRAY, "values");
          while (p.nextToken() == JsonToken.START_ARRAY) {
            if (samples.size() == maxSamples) {
              throw PrometheusException.TooLarge.samples(promql, maxSamples);
            }
            samples.add(sample(p));
          }
          expect(p, JsonToken.END_ARRAY, "values");
        }
        case "histogram", "histograms" -> {
          firstSeriesHasHistogram = true;
          p.skipChildren();
        }
        default -> p.skipChildren();
      }
    }
    firstSeries = List.copyOf(samples);
  }

  /** One series of an instant vector: its {@code metric} labels and its {@code value}. */
  private void readLabeledSeries(JsonParser p) throws IOException, PrometheusException {
    Map<String, String> labels = Map.of();
    TimedValue value = null;
    boolean histogram = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "metric" -> labels = labels(p);
        case "value" -> value = sample(p);
        case "histogram", "histograms" -> {
          histogram = true;
          p.skipChildren();
        }
        default -> p.skipChildren();
      }
    }
    if (histogram && seriesCount == 0) {
      firstSeriesHasHistogram = true;
    }
    if (value == null && !histogram) {
      throw malformed("a vector series has no value (is it a range vector?)", null);
    }
    if (value != null) {
      allSeries.add(new LabeledValue(labels, value));
    }
  }

  /** The labels of a series' {@code metric} object, or none when it is null. */
  private Map<String, String> labels(JsonParser p) throws IOException, PrometheusException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return Map.of();
    }
    expect(p, JsonToken.START_OBJECT, "metric");
    return labelReader.read(
        p, name -> malformed("metric label " + Text.clip(name, 40) + " is not a string", null));
  }

  /** One {@code [1435781451.781, "1"]}; the parser stands on its opening bracket. */
  private TimedValue sample(JsonParser p) throws IOException, PrometheusException {
    expect(p, JsonToken.START_ARRAY, "sample");
    p.nextToken();
    Instant at = timestamp(p);
    p.nextToken();
    String text = text(p, "sample value");
    if (text == null || p.nextToken() != JsonToken.END_ARRAY) {
      throw malformed("a sample is not a [time, \"value\"] pair", null);
    }
    OptionalDouble value = PromValues.parseValue(text);
    if (value.isEmpty()) {
      throw malformed("sample value \"" + Text.clip(text, 40) + "\" is not a number", null);
    }
    return new TimedValue(at, value.getAsDouble());
  }

  /**
   * A sample's time. Every sample of an instant query has the same one, so the text of the last is
   * kept and its instant reused while the text repeats.
   */
  private Instant timestamp(JsonParser p) throws IOException, PrometheusException {
    JsonToken token = p.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw malformed("a sample time is not a number", null);
    }
    char[] text = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    if (lastInstant != null
        && Arrays.equals(text, offset, offset + length, lastTime, 0, lastTime.length)) {
      return lastInstant;
    }
    try {
      lastInstant = PromValues.parseTimestamp(p.getDecimalValue());
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw malformed("a sample time is out of range", e);
    }
    lastTime = Arrays.copyOfRange(text, offset, offset + length);
    return lastInstant;
  }

  private String text(JsonParser p, String field) throws IOException, PrometheusException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw malformed(field + " is not a string", null);
    }
    return p.getText();
  }

  private void expect(JsonParser p, JsonToken wanted, String what) throws PrometheusException {
    if (p.currentToken() != wanted) {
      String shape =
          switch (wanted) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> "well formed";
          };
      throw malformed(what + " is not " + shape, null);
    }
  }

  /** Jackson's complaint without its hints and source locations. */
  private static String firstClause(String message) {
    String text = message == null ? "unknown error" : message;
    for (String cut : new String[] {": was expecting", " (", "\n"}) {
      int at = text.indexOf(cut);
      if (at > 0) {
        text = text.substring(0, at);
      }
    }
    return text;
  }

  private PrometheusException.Malformed malformed(String detail, Throwable cause) {
    return PrometheusException.Malformed.body(url, detail, cause);
  }
}
