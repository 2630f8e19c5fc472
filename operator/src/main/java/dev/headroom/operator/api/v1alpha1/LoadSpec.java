package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Load signals, read from Prometheus. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.signals) && size(self.signals) > 0) || has(self.concurrency)",
    message = "load needs at least one signal or a concurrency signal",
    reason = "FieldValueRequired")
public class LoadSpec {

  @JsonPropertyDescription("Load signals; the largest replica need wins.")
  @Size(max = 10)
  private List<LoadSignal> signals;

  @JsonPropertyDescription("Observed concurrency by Little law: arrival rate x latency.")
  private ConcurrencySignal concurrency;

  public List<LoadSignal> getSignals() {
    return signals;
  }

  public void setSignals(List<LoadSignal> signals) {
    this.signals = signals;
  }

  public ConcurrencySignal getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(ConcurrencySignal concurrency) {
    this.concurrency = concurrency;
  }
}
