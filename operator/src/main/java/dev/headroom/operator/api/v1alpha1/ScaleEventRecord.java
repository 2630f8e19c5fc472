package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A scale event, kept for the rate policies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScaleEventRecord {

  @JsonPropertyDescription("When (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Replica change: positive for a scale-up, negative for a scale-down.")
  private int change;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public int getChange() {
    return change;
  }

  public void setChange(int change) {
    this.change = change;
  }

  /** A deep copy: changing it leaves this one as it is (instead of a JSON round trip). */
  public ScaleEventRecord copy() {
    ScaleEventRecord copy = new ScaleEventRecord();
    copy.time = time;
    copy.change = change;
    return copy;
  }

  /** Equal when every field is: what a status write would send is the same. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ScaleEventRecord other)) {
      return false;
    }
    return java.util.Objects.equals(time, other.time)
        && java.util.Objects.equals(change, other.change);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(time, change);
  }
}
