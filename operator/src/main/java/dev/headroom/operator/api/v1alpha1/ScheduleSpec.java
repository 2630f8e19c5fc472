package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A recurring window that raises the replica floor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScheduleSpec {

  @JsonPropertyDescription("Name of the window, shown in status and events.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription(
      "Start of the window, 5-field cron (minute hour day-of-month month day-of-week).")
  @Required
  @Pattern("^\\s*\\S+(\\s+\\S+){4}\\s*$")
  @Size(max = 256)
  private String cron;

  @JsonPropertyDescription("IANA time zone of the cron, e.g. Europe/Berlin; default UTC.")
  @Pattern("^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*)$")
  @Size(max = 64)
  private String timeZone;

  @JsonPropertyDescription("How long the window stays open, e.g. 2h.")
  @Required
  @Pattern("^([0-9]+(ms|s|m|h|d))+$")
  private String duration;

  @JsonPropertyDescription("How long before the window opens to pre-scale, e.g. 10m.")
  @Pattern("^([0-9]+(ms|s|m|h|d))+$")
  private String leadTime;

  @JsonPropertyDescription("Replica floor while the window is open (or about to open).")
  @Required
  @Min(0)
  @Max(100000)
  private int minReplicas;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCron() {
    return cron;
  }

  public void setCron(String cron) {
    this.cron = cron;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public String getLeadTime() {
    return leadTime;
  }

  public void setLeadTime(String leadTime) {
    this.leadTime = leadTime;
  }

  public int getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(int minReplicas) {
    this.minReplicas = minReplicas;
  }
}
