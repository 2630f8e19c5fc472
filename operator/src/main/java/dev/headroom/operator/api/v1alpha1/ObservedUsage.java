package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** How to measure the connections really in use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObservedUsage {

  @JsonPropertyDescription(
      "PromQL returning the connections in use, e.g. sum(pg_stat_activity_count).")
  @Required
  @Size(min = 1, max = 4096)
  private String query;

  @JsonPropertyDescription(
      "PromQL returning the downstream's own connection limit, e.g. max(pg_settings_max_connections); the budget then uses the smaller of it and spec.maxConnections.")
  @Size(min = 1, max = 4096)
  private String maxConnectionsQuery;

  public String getMaxConnectionsQuery() {
    return maxConnectionsQuery;
  }

  public void setMaxConnectionsQuery(String maxConnectionsQuery) {
    this.maxConnectionsQuery = maxConnectionsQuery;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
