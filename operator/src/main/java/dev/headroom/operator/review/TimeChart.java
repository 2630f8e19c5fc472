package dev.headroom.operator.review;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One SVG chart over time: step lines for series, an optional dashed limit, and the decisions as
 * numbered vertical markers (class {@code decision}, with the time, winner and limit as data
 * attributes and the whole explanation as the tooltip).
 */
final class TimeChart {

  static final int WIDTH = 960;
  static final int HEIGHT = 170;
  private static final int LEFT = 56;
  private static final int RIGHT = 150;
  private static final int TOP = 22;
  private static final int BOTTOM = 24;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  record Point(Instant time, double value) {}

  record Series(String name, String color, List<Point> points) {}

  record Marker(int number, Instant time, String winner, String limitedBy, String title) {}

  private static final Duration MIN_SPAN = Duration.ofSeconds(20);

  private final Instant from;
  private final Instant to;

  TimeChart(Instant from, Instant to) {
    this.from = from;
    this.to = to.isAfter(from) ? to : from.plusSeconds(1);
  }

  /**
   * Where a chart of what happened since {@code first} starts: a little before it, so the first
   * marker is not on the axis, and at least 20 seconds before {@code now}.
   */
  static Instant startFor(Instant first, Instant now) {
    Duration span = Duration.between(first, now);
    if (span.compareTo(MIN_SPAN) < 0) {
      span = MIN_SPAN;
      first = now.minus(MIN_SPAN);
    }
    return first.minus(span.dividedBy(30));
  }

  String render(
      String title,
      String cssClass,
      List<Series> series,
      OptionalDouble limit,
      String limitName,
      List<Marker> markers) {
    return render(title, cssClass, series, limit, limitName, markers, 0);
  }

  /** As above, with the value axis reaching at least {@code atLeast}. */
  String render(
      String title,
      String cssClass,
      List<Series> series,
      OptionalDouble limit,
      String limitName,
      List<Marker> markers,
      double atLeast) {
    double max = Math.max(atLeast, limit.orElse(0));
    for (Series s : series) {
      for (Point p : s.points()) {
        max = Math.max(max, p.value());
      }
    }
    double scale = niceCeiling(max);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart ")
        .append(Html.escape(cssClass))
        .append("\" role=\"img\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    svg.append("<text x=\"")
        .append(LEFT)
        .append("\" y=\"14\" class=\"chart-title\">")
        .append(Html.escape(title))
        .append("</text>");
    axes(svg, scale);
    limit.ifPresent(
        l -> {
          double y = y(l, scale);
          svg.append("<line class=\"limit\" x1=\"")
              .append(LEFT)
              .append("\" x2=\"")
              .append(WIDTH - RIGHT)
              .append("\" y1=\"")
              .append(fmt(y))
              .append("\" y2=\"")
              .append(fmt(y))
              .append("\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>");
          svg.append("<text x=\"")
              .append(LEFT + 4)
              .append("\" y=\"")
              .append(fmt(y - 3))
              .append("\" fill=\"#c0392b\">")
              .append(Html.escape(limitName))
              .append(' ')
              .append(number(l))
              .append("</text>");
        });
    int legendRow = 0;
    for (Series s : series) {
      if (!s.points().isEmpty()) {
        svg.append("<path class=\"series\" data-series=\"")
            .append(Html.escape(s.name()))
            .append("\" fill=\"none\" stroke=\"")
            .append(s.color())
            .append("\" stroke-width=\"2\" d=\"")
            .append(stepPath(s.points(), scale))
            .append("\"/>");
      }
      int ly = TOP + 10 + 16 * legendRow++;
      svg.append("<rect x=\"")
          .append(WIDTH - RIGHT + 6)
          .append("\" y=\"")
          .append(ly - 8)
          .append("\" width=\"10\" height=\"10\" fill=\"")
          .append(s.color())
          .append("\"/>")
          .append("<text x=\"")
          .append(WIDTH - RIGHT + 20)
          .append("\" y=\"")
          .append(ly)
          .append("\">")
          .append("<title>")
          .append(Html.escape(s.name()))
          .append("</title>")
          .append(Html.escape(legend(s.name())))
          .append("</text>");
    }
    for (Marker m : markers) {
      if (m.time().isBefore(from) || m.time().isAfter(to)) {
        continue;
      }
      double x = x(m.time());
      svg.append("<g class=\"decision\" data-number=\"")
          .append(m.number())
          .append("\" data-time=\"")
          .append(Html.escape(m.time()))
          .append("\" data-winner=\"")
          .append(Html.escape(m.winner()))
          .append("\" data-limited-by=\"")
          .append(Html.escape(m.limitedBy()))
          .append("\">")
          .append("<title>")
          .append(Html.escape(m.title()))
          .append("</title>")
          .append("<line x1=\"")
          .append(fmt(x))
          .append("\" x2=\"")
          .append(fmt(x))
          .append("\" y1=\"")
          .append(TOP)
          .append("\" y2=\"")
          .append(HEIGHT - BOTTOM)
          .append("\" stroke=\"#555\" stroke-dasharray=\"2 3\"/>")
          .append("<circle cx=\"")
          .append(fmt(x))
          .append("\" cy=\"")
          .append(TOP + 2)
          .append("\" r=\"8\" fill=\"#2c3e50\"/>")
          .append("<text x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(TOP + 6)
          .append("\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"10\">")
          .append(m.number())
          .append("</text></g>");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private void axes(StringBuilder svg, double max) {
    int bottom = HEIGHT - BOTTOM;
    svg.append("<line x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(WIDTH - RIGHT)
        .append("\" y1=\"")
        .append(bottom)
        .append("\" y2=\"")
        .append(bottom)
        .append("\" stroke=\"#999\"/>");
    for (int i = 0; i <= 4; i++) {
      double v = max * i / 4;
      double y = y(v, max);
      svg.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(fmt(y))
          .append("\" y2=\"")
          .append(fmt(y))
          .append("\" stroke=\"#eee\"/>")
          .append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(fmt(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(number(v))
          .append("</text>");
    }
    for (int i = 0; i <= 4; i++) {
      Instant t = from.plusMillis(Duration.between(from, to).toMillis() * i / 4);
      svg.append("<text x=\"")
          .append(fmt(x(t)))
          .append("\" y=\"")
          .append(HEIGHT - 6)
          .append("\" text-anchor=\"middle\">")
          .append(CLOCK.format(t))
          .append("</text>");
    }
  }

  private String stepPath(List<Point> points, double max) {
    StringBuilder d = new StringBuilder();
    double lastY = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double x = x(p.time());
      double y = y(p.value(), max);
      if (i == 0) {
        d.append('M').append(fmt(x)).append(' ').append(fmt(y));
      } else {
        d.append(" H").append(fmt(x)).append(" V").append(fmt(y));
      }
      lastY = y;
    }
    // The last value holds until now.
    d.append(" H").append(fmt(x(to))).append(" V").append(fmt(lastY));
    return d.toString();
  }

  /** The x of the chart's right edge: now. */
  double right() {
    return x(to);
  }

  double x(Instant t) {
    double span = Duration.between(from, to).toMillis();
    double at = Duration.between(from, t).toMillis();
    return LEFT + (WIDTH - LEFT - RIGHT) * Math.max(0, Math.min(1, at / span));
  }

  double y(double v, double max) {
    return (HEIGHT - BOTTOM) - (HEIGHT - BOTTOM - TOP) * (max <= 0 ? 0 : v / max);
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code v}; 1 for nothing. */
  /** A legend entry that fits the space right of the chart; the whole name is its tooltip. */
  static String legend(String name) {
    return name.length() <= 20 ? name : "…" + name.substring(name.length() - 19);
  }

  static double niceCeiling(double v) {
    if (v <= 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
