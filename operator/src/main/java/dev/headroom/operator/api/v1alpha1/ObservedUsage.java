package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** How to measure the connections really in use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObservedUsage {

  @JsonPropertyDescription("PromQL returning the connections in use, e.g. sum(pg_stat_activity_count).")
  @Required
  @Size(min = 1, max = 4096)
  private String query;


  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
