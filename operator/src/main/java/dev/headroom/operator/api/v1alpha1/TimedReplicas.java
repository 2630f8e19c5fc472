package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A replica recommendation at a time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TimedReplicas {

  @JsonPropertyDescription("When (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Replicas recommended.")
  private int replicas;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }

  /** A deep copy: changing it leaves this one as it is (instead of a JSON round trip). */
  public TimedReplicas copy() {
    TimedReplicas copy = new TimedReplicas();
    copy.time = time;
    copy.replicas = replicas;
    return copy;
  }

  /** Equal when every field is: what a status write would send is the same. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TimedReplicas other)) {
      return false;
    }
    return java.util.Objects.equals(time, other.time)
        && java.util.Objects.equals(replicas, other.replicas);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(time, replicas);
  }
}
