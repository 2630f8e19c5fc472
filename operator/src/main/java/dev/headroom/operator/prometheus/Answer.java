package dev.headroom.operator.prometheus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was read from one Prometheus answer: the envelope, and the result reduced to what a
 * single-value client needs (how many series, the first one's samples, or a scalar pair).
 *
 * @param status {@code success} or {@code error}, null when absent
 * @param resultType {@code vector}, {@code matrix}, {@code scalar}, {@code string}, null when
 *     absent
 * @param seriesCount series in a vector or matrix result; 0 for a scalar or string result
 * @param firstSeries samples of the first series ({@code value} or {@code values}), or empty
 * @param firstSeriesHasHistogram the first series carries native histogram samples
 * @param pair the {@code [time, "text"]} of a scalar or string result, if that was the shape
 * @param allSeries every series of an instant vector with its labels, only when the parser was
 *     asked to keep them ({@link AnswerParser#parseVector}); otherwise empty
 * @param labelSets the label sets the parser was given, when {@code allSeries} had exactly those
 *     (the next answer may use them as they are); otherwise null
 */
record Answer(
    String status,
    Optional<String> errorType,
    Optional<String> error,
    String resultType,
    int seriesCount,
    List<TimedValue> firstSeries,
    boolean firstSeriesHasHistogram,
    Optional<Pair> pair,
    List<LabeledValue> allSeries,
    LabelSets labelSets) {

  record Pair(Instant at, String text) {}
}
