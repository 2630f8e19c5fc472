package dev.headroom.operator.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Connections of several consumers stacked over time against a limit: each consumer is a band
 * (class {@code layer}) holding its last known value until its next, the limit a dashed line.
 */
final class StackedChart {

  private static final String[] COLORS = {
    "#2e86de", "#27ae60", "#e67e22", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#f1c40f"
  };

  private final TimeChart frame;

  StackedChart(Instant from, Instant to) {
    this.frame = new TimeChart(from, to);
  }

  static String color(int index) {
    return COLORS[index % COLORS.length];
  }

  String render(String title, List<TimeChart.Series> layers, double limit, String limitName) {
    TreeSet<Instant> times = new TreeSet<>();
    layers.forEach(l -> l.points().forEach(p -> times.add(p.time())));
    List<Instant> at = new ArrayList<>(times);
    double[][] top = new double[layers.size()][at.size()];
    double max = limit;
    for (int t = 0; t < at.size(); t++) {
      double sum = 0;
      for (int l = 0; l < layers.size(); l++) {
        sum += valueAt(layers.get(l).points(), at.get(t));
        top[l][t] = sum;
      }
      max = Math.max(max, sum);
    }
    // Draw the frame, the legend and the limit with an empty line chart, then the bands into it.
    List<TimeChart.Series> legend =
        layers.stream()
            .map(l -> new TimeChart.Series(l.name(), l.color(), List.<TimeChart.Point>of()))
            .toList();
    String base =
        frame.render(title, "stacked", legend, OptionalDouble.of(limit), limitName, List.of(), max);
    double scale = TimeChart.niceCeiling(max);
    StringBuilder bands = new StringBuilder();
    for (int l = layers.size() - 1; l >= 0; l--) {
      if (at.isEmpty()) {
        break;
      }
      // Each value holds until the next sample, the last one until now.
      StringBuilder d = new StringBuilder();
      for (int t = 0; t < at.size(); t++) {
        double y = frame.y(top[l][t], scale);
        d.append(t == 0 ? 'M' : 'L')
            .append(fmt(frame.x(at.get(t))))
            .append(' ')
            .append(fmt(y))
            .append(" L")
            .append(fmt(t + 1 < at.size() ? frame.x(at.get(t + 1)) : frame.right()))
            .append(' ')
            .append(fmt(y))
            .append(' ');
      }
      for (int t = at.size() - 1; t >= 0; t--) {
        double y = frame.y(l == 0 ? 0 : top[l - 1][t], scale);
        d.append('L')
            .append(fmt(t + 1 < at.size() ? frame.x(at.get(t + 1)) : frame.right()))
            .append(' ')
            .append(fmt(y))
            .append(" L")
            .append(fmt(frame.x(at.get(t))))
            .append(' ')
            .append(fmt(y))
            .append(' ');
      }
      d.append('Z');
      bands
          .append("<path class=\"layer\" data-consumer=\"")
          .append(Html.escape(layers.get(l).name()))
          .append("\" fill=\"")
          .append(layers.get(l).color())
          .append("\" fill-opacity=\"0.75\" d=\"")
          .append(d)
          .append("\"/>");
    }
    // Bands go under the limit line: insert them right after the axes (before the first <line
    // class="limit").
    int limitAt = base.indexOf("<line class=\"limit\"");
    return base.substring(0, limitAt) + bands + base.substring(limitAt);
  }

  static double valueAt(List<TimeChart.Point> points, Instant t) {
    double v = 0;
    for (TimeChart.Point p : points) {
      if (p.time().isAfter(t)) {
        break;
      }
      v = p.value();
    }
    return v;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
