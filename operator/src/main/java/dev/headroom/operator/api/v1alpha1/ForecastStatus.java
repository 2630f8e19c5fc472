package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The forecast of a policy's load and what it asks for; see docs/forecasting.md. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ForecastStatus {

  @JsonPropertyDescription("The load signal forecast.")
  private String signal;

  @JsonPropertyDescription("Load the forecast expects leadTime from now, in the signal's unit.")
  private Double predictedLoad;

  @JsonPropertyDescription("Replicas the forecast asks for; it can only raise the decision.")
  private Integer predictedReplicas;

  @JsonPropertyDescription("Highest load the forecast expects within the horizon.")
  private Double peakLoad;

  @JsonPropertyDescription("When that peak is expected (RFC 3339).")
  private String peakAt;

  @JsonPropertyDescription(
      "Backtest error of the forecast over the last season: symmetric mean absolute percentage error, as a ratio (0.1 = 10%).")
  private Double errorSmape;

  @JsonPropertyDescription(
      "Backtest error as mean absolute percentage error, as a ratio; absent when the history holds zeros.")
  private Double errorMape;

  @JsonPropertyDescription("Samples of history the forecast learnt from.")
  private Integer samples;

  @JsonPropertyDescription("Share of the lookback's steps that have a sample (1 = no gaps).")
  private Double coverage;

  @JsonPropertyDescription("Resolution of the history query, e.g. 5m.")
  private String step;

  @JsonPropertyDescription("End of the history range last read from Prometheus (RFC 3339).")
  private String historyEnd;

  @JsonPropertyDescription(
      "Start of the forecast step the forecast was made in (RFC 3339); it is recomputed at every reconcile from the cached history.")
  private String updatedAt;

  public String getSignal() {
    return signal;
  }

  public void setSignal(String signal) {
    this.signal = signal;
  }

  public Double getPredictedLoad() {
    return predictedLoad;
  }

  public void setPredictedLoad(Double predictedLoad) {
    this.predictedLoad = predictedLoad;
  }

  public Integer getPredictedReplicas() {
    return predictedReplicas;
  }

  public void setPredictedReplicas(Integer predictedReplicas) {
    this.predictedReplicas = predictedReplicas;
  }

  public Double getPeakLoad() {
    return peakLoad;
  }

  public void setPeakLoad(Double peakLoad) {
    this.peakLoad = peakLoad;
  }

  public String getPeakAt() {
    return peakAt;
  }

  public void setPeakAt(String peakAt) {
    this.peakAt = peakAt;
  }

  public Double getErrorSmape() {
    return errorSmape;
  }

  public void setErrorSmape(Double errorSmape) {
    this.errorSmape = errorSmape;
  }

  public Double getErrorMape() {
    return errorMape;
  }

  public void setErrorMape(Double errorMape) {
    this.errorMape = errorMape;
  }

  public Integer getSamples() {
    return samples;
  }

  public void setSamples(Integer samples) {
    this.samples = samples;
  }

  public Double getCoverage() {
    return coverage;
  }

  public void setCoverage(Double coverage) {
    this.coverage = coverage;
  }

  public String getStep() {
    return step;
  }

  public void setStep(String step) {
    this.step = step;
  }

  public String getHistoryEnd() {
    return historyEnd;
  }

  public void setHistoryEnd(String historyEnd) {
    this.historyEnd = historyEnd;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  /** A deep copy: changing it leaves this one as it is (instead of a JSON round trip). */
  public ForecastStatus copy() {
    ForecastStatus copy = new ForecastStatus();
    copy.signal = signal;
    copy.predictedLoad = predictedLoad;
    copy.predictedReplicas = predictedReplicas;
    copy.peakLoad = peakLoad;
    copy.peakAt = peakAt;
    copy.errorSmape = errorSmape;
    copy.errorMape = errorMape;
    copy.samples = samples;
    copy.coverage = coverage;
    copy.step = step;
    copy.historyEnd = historyEnd;
    copy.updatedAt = updatedAt;
    return copy;
  }

  /** Equal when every field is: what a status write would send is the same. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ForecastStatus other)) {
      return false;
    }
    return java.util.Objects.equals(signal, other.signal)
        && java.util.Objects.equals(predictedLoad, other.predictedLoad)
        && java.util.Objects.equals(predictedReplicas, other.predictedReplicas)
        && java.util.Objects.equals(peakLoad, other.peakLoad)
        && java.util.Objects.equals(peakAt, other.peakAt)
        && java.util.Objects.equals(errorSmape, other.errorSmape)
        && java.util.Objects.equals(errorMape, other.errorMape)
        && java.util.Objects.equals(samples, other.samples)
        && java.util.Objects.equals(coverage, other.coverage)
        && java.util.Objects.equals(step, other.step)
        && java.util.Objects.equals(historyEnd, other.historyEnd)
        && java.util.Objects.equals(updatedAt, other.updatedAt);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        signal,
        predictedLoad,
        predictedReplicas,
        peakLoad,
        peakAt,
        errorSmape,
        errorMape,
        samples,
        coverage,
        step,
        historyEnd,
        updatedAt);
  }
}
