package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Concurrency by Little law: in-flight = arrival rate x latency. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConcurrencySignal {

  @JsonPropertyDescription("PromQL for arrival rate, requests per second.")
  @Required
  @Size(min = 1, max = 4096)
  private String rateQuery;

  @JsonPropertyDescription("PromQL for latency in seconds (use a p95/p99 for worst case).")
  @Required
  @Size(min = 1, max = 4096)
  private String latencyQuery;

  public String getRateQuery() {
    return rateQuery;
  }

  public void setRateQuery(String rateQuery) {
    this.rateQuery = rateQuery;
  }

  public String getLatencyQuery() {
    return latencyQuery;
  }

  public void setLatencyQuery(String latencyQuery) {
    this.latencyQuery = latencyQuery;
  }
}
