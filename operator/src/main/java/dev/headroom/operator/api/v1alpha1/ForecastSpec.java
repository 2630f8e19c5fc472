package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.headroom.engine.model.ApiDefaults;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Seasonal forecast of load from Prometheus history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ForecastSpec {

  @JsonPropertyDescription("Turn the forecast on.")
  @Default("" + ApiDefaults.FORECAST_ENABLED)
  private boolean enabled = ApiDefaults.FORECAST_ENABLED;

  @JsonPropertyDescription("Which load signal to forecast; default the first.")
  private String signal;

  @JsonPropertyDescription("History to learn from, e.g. 14d.")
  @Pattern("^([0-9]+(ms|s|m|h|d))+$")
  @Default(ApiDefaults.FORECAST_LOOKBACK)
  private String lookback;

  @JsonPropertyDescription("How far ahead to forecast, e.g. 1h.")
  @Pattern("^([0-9]+(ms|s|m|h|d))+$")
  @Default(ApiDefaults.FORECAST_HORIZON)
  private String horizon;

  @JsonPropertyDescription("How far ahead of predicted load to scale, e.g. 10m.")
  @Pattern("^([0-9]+(ms|s|m|h|d))+$")
  @Default(ApiDefaults.FORECAST_LEAD_TIME)
  private String leadTime;

  @JsonPropertyDescription("Daily or Weekly season.")
  @Default(ApiDefaults.FORECAST_SEASONALITY)
  private Seasonality seasonality = Seasonality.WEEKLY;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getSignal() {
    return signal;
  }

  public void setSignal(String signal) {
    this.signal = signal;
  }

  public String getLookback() {
    return lookback;
  }

  public void setLookback(String lookback) {
    this.lookback = lookback;
  }

  public String getHorizon() {
    return horizon;
  }

  public void setHorizon(String horizon) {
    this.horizon = horizon;
  }

  public String getLeadTime() {
    return leadTime;
  }

  public void setLeadTime(String leadTime) {
    this.leadTime = leadTime;
  }

  public Seasonality getSeasonality() {
    return seasonality;
  }

  public void setSeasonality(Seasonality seasonality) {
    this.seasonality = seasonality;
  }
}
