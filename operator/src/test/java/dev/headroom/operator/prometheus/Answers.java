package dev.headroom.operator.prometheus;

import java.util.StringJoiner;

/** Prometheus answer bodies for the tests, in the exact shape Prometheus writes them. */
public final class Answers {

  public static final long T0 = 1_700_000_000L;

  private Answers() {}

  public static String success(String resultType, String result) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\""
        + resultType
        + "\",\"result\":"
        + result
        + "}}";
  }

  /** An instant vector with one series per value, labelled pod="p0", pod="p1", … */
  public static String vector(String... values) {
    StringJoiner series = new StringJoiner(",", "[", "]");
    for (int i = 0; i < values.length; i++) {
      series.add(
          "{\"metric\":{\"pod\":\"p" + i + "\"},\"value\":[" + T0 + ".5,\"" + values[i] + "\"]}");
    }
    return success("vector", series.toString());
  }

  static String scalar(String value) {
    return success("scalar", "[" + T0 + ",\"" + value + "\"]");
  }

  /** A range vector with one series per argument; each series lists its values 30s apart. */
  static String matrix(String[]... seriesValues) {
    StringJoiner series = new StringJoiner(",", "[", "]");
    for (int s = 0; s < seriesValues.length; s++) {
      StringJoiner samples = new StringJoiner(",", "[", "]");
      for (int i = 0; i < seriesValues[s].length; i++) {
        samples.add("[" + (T0 + 30L * i) + ",\"" + seriesValues[s][i] + "\"]");
      }
      series.add("{\"metric\":{\"pod\":\"p" + s + "\"},\"values\":" + samples + "}");
    }
    return success("matrix", series.toString());
  }

  static String[] values(String... values) {
    return values;
  }

  static String error(String errorType, String error) {
    return "{\"status\":\"error\",\"errorType\":\"" + errorType + "\",\"error\":\"" + error + "\"}";
  }

  /**
   * A valid one-series vector answer padded with an ignored field to exactly {@code size} bytes.
   */
  static String vectorOfSize(int size) {
    String head = "{\"status\":\"success\",\"padding\":\"";
    String tail =
        "\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":["
            + T0
            + ",\"1\"]}]}}";
    return head + "x".repeat(size - head.length() - tail.length()) + tail;
  }
}
