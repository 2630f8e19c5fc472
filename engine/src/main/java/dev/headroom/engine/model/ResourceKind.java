package dev.headroom.engine.model;

/** The resource that limits how much concurrent work one replica can carry. */
public enum ResourceKind {
  DB_CONNECTIONS("dbConnections"),
  THREADS("threads"),
  MEMORY("memory"),
  CPU("cpu"),
  CUSTOM("custom");

  private final String apiName;

  ResourceKind(String apiName) {
    this.apiName = apiName;
  }

  /** The name used in the ScalingPolicy API. */
  public String apiName() {
    return apiName;
  }
}
