package dev.headroom.simulator.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart panel drawn as SVG elements: time on x, a value from 0 on y, lines and areas with gaps
 * at NaN, an optional horizontal limit line, axes with round ticks and a legend.
 */
final class SvgPanel {

  record Series(String label, String color, boolean area, boolean dashed, double[] values) {}

  private static final long[] TIME_STEPS = {
    60, 300, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 1209600, 2592000
  };

  private final String title;
  private final String unit;
  private final long[] times;
  private final long end;
  private final List<Series> series = new ArrayList<>();
  private double limit = Double.NaN;
  private String limitLabel;

  SvgPanel(String title, String unit, long[] times, long end) {
    this.title = title;
    this.unit = unit;
    this.times = times;
    this.end = end;
  }

  SvgPanel add(Series s) {
    series.add(s);
    return this;
  }

  SvgPanel limit(double value, String label) {
    this.limit = value;
    this.limitLabel = label;
    return this;
  }

  /** Draws the panel with its top-left corner at (x, y). */
  String render(double x, double y, double width, double height) {
    double left = x + 64;
    double right = x + width - 16;
    double top = y + 44;
    double bottom = y + height - 28;
    double max = Double.isNaN(limit) ? 0 : limit;
    for (Series s : series) {
      for (double v : s.values()) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    double yStep = niceStep(max <= 0 ? 1 : max * 1.08 / 5);
    double yMax = Math.max(yStep, Math.ceil(max * 1.08 / yStep) * yStep);
    long t0 = times[0];
    double span = Math.max(1, end - t0);
    Scale sx = v -> left + (v - t0) / span * (right - left);
    Scale sy = v -> bottom - v / yMax * (bottom - top);

    StringBuilder out = new StringBuilder();
    out.append(text(x + 8, y + 18, title, "title"));
    legend(out, left, y + 36);
    for (double v = 0; v <= yMax + yStep / 2; v += yStep) {
      double py = sy.at(v);
      out.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
              left,
              py,
              right,
              py));
      out.append(text(left - 6, py + 4, Fmt.number(v), "ytick"));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "<text class=\"yunit\" transform=\"rotate(-90 %.1f %.1f)\" "
                + "x=\"%.1f\" y=\"%.1f\">%s</text>",
            x + 14,
            (top + bottom) / 2,
            x + 14,
            (top + bottom) / 2,
            escape(unit)));
    timeAxis(out, t0, sx, bottom);
    for (Series s : series) {
      if (s.area()) {
        out.append(area(s, sx, sy, bottom));
      }
    }
    for (int k = series.size() - 1; k >= 0; k--) {
      if (!series.get(k).area()) {
        out.append(line(series.get(k), sx, sy, k));
      }
    }
    if (!Double.isNaN(limit)) {
      double py = sy.at(limit);
      out.append(
          String.format(
              Locale.ROOT,
              "<line class=\"limit\" x1=\"%.1f\" y1=\"%.1f\" " + "x2=\"%.1f\" y2=\"%.1f\"/>",
              left,
              py,
              right,
              py));
      out.append(text(right - 4, py - 5, limitLabel + " " + Fmt.number(limit), "limitlabel"));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" " + "width=\"%.1f\" height=\"%.1f\"/>",
            left,
            top,
            right - left,
            bottom - top));
    return out.toString();
  }

  private interface Scale {
    double at(double v);
  }

  private void legend(StringBuilder out, double x, double y) {
    double at = x;
    List<Series> all = new ArrayList<>(series);
    for (Series s : all) {
      if (s.area()) {
        out.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"18\" "
                    + "height=\"9\" fill=\"%s\" fill-opacity=\"0.35\"/>",
                at,
                y - 8,
                s.color()));
      } else {
        out.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                    + "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
                at,
                y - 4,
                at + 18,
                y - 4,
                s.color(),
                s.dashed() ? " stroke-dasharray=\"5 3\"" : ""));
      }
      out.append(text(at + 23, y, s.label(), "legend"));
      at += 36 + s.label().length() * 7.2;
    }
    if (!Double.isNaN(limit)) {
      out.append(
          String.format(
              Locale.ROOT,
              "<line class=\"limit\" x1=\"%.1f\" y1=\"%.1f\" " + "x2=\"%.1f\" y2=\"%.1f\"/>",
              at,
              y - 4,
              at + 18,
              y - 4));
      out.append(text(at + 23, y, limitLabel, "legend"));
    }
  }

  private void timeAxis(StringBuilder out, long t0, Scale sx, double bottom) {
    long span = Math.max(1, end - t0);
    long step = TIME_STEPS[TIME_STEPS.length - 1];
    for (long candidate : TIME_STEPS) {
      if (span / candidate <= 8) {
        step = candidate;
        break;
      }
    }
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern(
                step < 86400 ? (span > 86400 ? "MM-dd HH:mm" : "HH:mm") : "yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    long first = Math.floorDiv(t0 + step - 1, step) * step;
    for (long t = first; t <= end; t += step) {
      double px = sx.at(t);
      out.append(
          String.format(
              Locale.ROOT,
              "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
              px,
              bottom,
              px,
              bottom + 5));
      out.append(text(px, bottom + 18, f.format(Instant.ofEpochSecond(t)), "xtick"));
    }
  }

  /** Later series are drawn first, wider and lighter, so that equal lines stay visible. */
  private String line(Series s, Scale sx, Scale sy, int order) {
    String d = path(s.values(), sx, sy);
    if (d.isEmpty()) {
      return "";
    }
    int lines = 0;
    for (Series other : series) {
      lines += other.area() ? 0 : 1;
    }
    boolean top = order == series.size() - lines;
    return "<path d=\""
        + d
        + "\" fill=\"none\" stroke=\""
        + s.color()
        + "\" stroke-width=\""
        + (top || s.dashed() ? "1.6" : "4")
        + "\" stroke-opacity=\""
        + (top || s.dashed() ? "1" : "0.55")
        + "\" stroke-linejoin=\"round\""
        + (s.dashed() ? " stroke-dasharray=\"6 4\"" : "")
        + "/>";
  }

  private String area(Series s, Scale sx, Scale sy, double bottom) {
    StringBuilder d = new StringBuilder();
    double[] v = s.values();
    int i = 0;
    while (i < v.length) {
      while (i < v.length && Double.isNaN(v[i])) {
        i++;
      }
      int from = i;
      while (i < v.length && !Double.isNaN(v[i])) {
        i++;
      }
      if (i > from) {
        d.append(String.format(Locale.ROOT, "M%.1f %.1f", sx.at(times[from]), bottom));
        for (int k = from; k < i; k++) {
          d.append(String.format(Locale.ROOT, "L%.1f %.1f", sx.at(times[k]), sy.at(v[k])));
        }
        d.append(String.format(Locale.ROOT, "L%.1f %.1fZ", sx.at(times[i - 1]), bottom));
      }
    }
    return "<path d=\""
        + d
        + "\" fill=\""
        + s.color()
        + "\" fill-opacity=\"0.35\" "
        + "stroke=\"none\"/>";
  }

  private String path(double[] v, Scale sx, Scale sy) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int k = 0; k < v.length; k++) {
      if (Double.isNaN(v[k])) {
        pen = false;
        continue;
      }
      d.append(
          String.format(Locale.ROOT, "%s%.1f %.1f", pen ? "L" : "M", sx.at(times[k]), sy.at(v[k])));
      pen = true;
    }
    return d.toString();
  }

  static String text(double x, double y, String value, String cls) {
    return String.format(
        Locale.ROOT,
        "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\">%s</text>",
        cls,
        x,
        y,
        escape(value));
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / magnitude;
    double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return nice * magnitude;
  }
}
