package dev.headroom.simulator.report;

import dev.headroom.engine.forecast.ForecastSettings;
import dev.headroom.engine.forecast.ForecastState;
import dev.headroom.engine.model.ApiDurations;
import dev.headroom.simulator.forecast.Accuracy;
import dev.headroom.simulator.forecast.ForecastBenchmark;
import dev.headroom.simulator.forecast.PeakResult;
import dev.headroom.simulator.forecast.TraceForecast;
import dev.headroom.simulator.sim.SimulationSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The generated section of docs/forecasting.md: forecast error per method and season, and the daily
 * peaks met before they arrived with and without the forecast. Only the text between {@link #BEGIN}
 * and {@link #END} is replaced.
 */
public final class ForecastMarkdown {

  public static final String BEGIN = "<!-- BEGIN headroom forecast --all-shared-traces -->";
  public static final String END = "<!-- END headroom forecast --all-shared-traces -->";

  public String section(
      List<TraceForecast> runs,
      ForecastSettings settings,
      SimulationSettings simulation,
      int cores,
      LocalDate date,
      String javaVersion) {
    TraceForecast any = runs.get(0);
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append('\n');
    md.append("## Measurements on the shared traces\n\n");
    md.append("Written by `./headroom forecast --all-shared-traces` on ")
        .append(date)
        .append(", on a machine with ")
        .append(cores)
        .append(" cores (Java ")
        .append(javaVersion)
        .append("). Re-run it to refresh this section.\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Forecast: lookback %s, horizon %s, lead time %s;"
                + " default method %s, step at least %s, level window %s, cover percentile %s over %s,"
                + " at most %s seasons, at most %.0f%% empty steps. Training part: the first %s of each trace (%.0f%% of"
                + " a shorter one); everything after it is evaluated. Simulated cluster as in"
                + " [benchmarks.md](benchmarks.md): start-up %s, metric delay %s, metric window %s,"
                + " reconcile every %s.%n%n",
            ApiDurations.format(any.spec().lookback()),
            ApiDurations.format(any.spec().horizon()),
            ApiDurations.format(any.spec().leadTime()),
            settings.method(),
            ApiDurations.format(settings.minStep()),
            ApiDurations.format(settings.levelWindow()),
            Fmt.number(settings.coverPercentile()),
            ApiDurations.format(settings.coverWindow()),
            settings.maxSeasons(),
            settings.maxMissingFraction() * 100,
            ApiDurations.format(ForecastBenchmark.TRAIN),
            ForecastBenchmark.TRAIN_SHARE * 100,
            ApiDurations.format(simulation.startupDelay()),
            ApiDurations.format(simulation.metricDelay()),
            ApiDurations.format(simulation.metricWindow()),
            ApiDurations.format(simulation.reconcileInterval())));

    md.append("### Forecast error and pre-scaled peaks\n\n");
    md.append(
        "Error of the default method with the season of lower error, walk-forward over the"
            + " evaluation part; peaks are the busiest step of each UTC day of the evaluation part,"
            + " *met before* = the ready replicas one lead time before the peak already carried its"
            + " demand at their target; *in band* = at up to 110% of their target (the HPA tolerance"
            + " band, within which the reactive path and the forecast's replica arithmetic leave"
            + " replicas alone).\n\n");
    md.append(
        "| trace | season | forecast state | sMAPE / MAPE at lead time | sMAPE / MAPE at"
            + " horizon | daily peaks | met before: forecast / reactive / HPA | met before in band:"
            + " forecast / reactive / HPA | met on arrival: forecast / reactive / HPA | replica-h:"
            + " forecast / reactive / HPA | under-prov min: forecast / reactive / HPA |\n");
    md.append("|---|---|---|---|---|---:|---|---|---|---|---|\n");
    for (TraceForecast r : runs) {
      Accuracy a = r.chosen();
      md.append("| ")
          .append(r.name())
          .append(" | ")
          .append(r.spec().seasonality().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(state(a))
          .append(" | ")
          .append(pct(a.leadSmape()))
          .append(" / ")
          .append(pct(a.leadMape()))
          .append(" | ")
          .append(pct(a.horizonSmape()))
          .append(" / ")
          .append(pct(a.horizonMape()))
          .append(" | ")
          .append(r.withForecast().peaks())
          .append(" | ")
          .append(share(r.withForecast(), true))
          .append(" / ")
          .append(share(r.reactive(), true))
          .append(" / ")
          .append(share(r.hpa(), true))
          .append(" | ")
          .append(share(r.withForecast(), r.withForecast().metBeforeInBand()))
          .append(" / ")
          .append(share(r.reactive(), r.reactive().metBeforeInBand()))
          .append(" / ")
          .append(share(r.hpa(), r.hpa().metBeforeInBand()))
          .append(" | ")
          .append(share(r.withForecast(), false))
          .append(" / ")
          .append(share(r.reactive(), false))
          .append(" / ")
          .append(share(r.hpa(), false))
          .append(" | ")
          .append(Fmt.fixed(r.withForecast().replicaHours(), 0))
          .append(" / ")
          .append(Fmt.fixed(r.reactive().replicaHours(), 0))
          .append(" / ")
          .append(Fmt.fixed(r.hpa().replicaHours(), 0))
          .append(" | ")
          .append(Fmt.fixed(r.withForecast().underMinutes(), 0))
          .append(" / ")
          .append(Fmt.fixed(r.reactive().underMinutes(), 0))
          .append(" / ")
          .append(Fmt.fixed(r.hpa().underMinutes(), 0))
          .append(" |\n");
    }
    md.append('\n');
    for (TraceForecast r : runs) {
      r.notes()
          .forEach(
              n -> md.append("* ").append(r.name()).append(", replay: ").append(n).append('\n'));
    }
    if (runs.stream().anyMatch(r -> !r.notes().isEmpty())) {
      md.append('\n');
    }

    md.append("### Method comparison\n\n");
    md.append(
        "Walk-forward error of every method and season (sMAPE / MAPE in percent, at the"
            + " lead time and at the horizon), with the share of forecasts that were ready and the"
            + " mean time of one forecast from the full lookback.\n\n");
    md.append(
        "| trace | season | method | step | forecasts | ready | sMAPE / MAPE at lead time"
            + " | sMAPE / MAPE at horizon | time per forecast |\n");
    md.append("|---|---|---|---|---:|---:|---|---|---:|\n");
    for (TraceForecast r : runs) {
      for (Accuracy a : r.methods()) {
        md.append("| ")
            .append(r.name())
            .append(" | ")
            .append(a.seasonality().name().toLowerCase(Locale.ROOT))
            .append(" | ")
            .append(a.method())
            .append(" | ")
            .append(ApiDurations.format(a.step()))
            .append(" | ")
            .append(a.origins())
            .append(" | ")
            .append(a.origins() == 0 ? "-" : Fmt.fixed(100.0 * a.ready() / a.origins(), 0) + "%")
            .append(" | ")
            .append(pct(a.leadSmape()))
            .append(" / ")
            .append(pct(a.leadMape()))
            .append(" | ")
            .append(pct(a.horizonSmape()))
            .append(" / ")
            .append(pct(a.horizonMape()))
            .append(" | ")
            .append(Fmt.fixed(a.microsPerForecast() / 1000, 2))
            .append(" ms")
            .append(" |\n");
      }
    }
    md.append('\n');
    md.append("Traces: ");
    for (TraceForecast r : runs) {
      md.append("`")
          .append(r.source())
          .append("` (")
          .append(r.name())
          .append(", scenario `")
          .append(r.scenario())
          .append("`, evaluated from ")
          .append(Fmt.minute(r.evalStart()))
          .append(", ")
          .append(Fmt.fixed(r.seconds(), 1))
          .append(" s); ");
    }
    md.setLength(md.length() - 2);
    md.append(".\n\n");
    for (TraceForecast r : runs) {
      TraceCredits.forSource(r.source()).ifPresent(c -> md.append("* ").append(c).append('\n'));
    }
    md.append(END).append('\n');
    return md.toString();
  }

  public static void write(Path file, String section) throws IOException {
    BenchmarkMarkdown.writeSection(file, section, BEGIN, END, "# Forecasting\n\n");
  }

  private static String state(Accuracy a) {
    if (a.origins() == 0) {
      return "-";
    }
    if (a.ready() == a.origins()) {
      return "ready";
    }
    ForecastState main = a.mainState();
    return main == ForecastState.READY
        ? Fmt.fixed(100.0 * a.ready() / a.origins(), 0) + "% ready"
        : main.name() + " (" + Fmt.fixed(100.0 * a.ready() / a.origins(), 0) + "% ready)";
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "-" : Fmt.fixed(v, 1) + "%";
  }

  private static String share(PeakResult r, boolean before) {
    return share(r, before ? r.metBefore() : r.metOnArrival());
  }

  private static String share(PeakResult r, int met) {
    if (r.peaks() == 0) {
      return "-";
    }
    return met + " (" + Fmt.fixed(100.0 * met / r.peaks(), 0) + "%)";
  }
}
