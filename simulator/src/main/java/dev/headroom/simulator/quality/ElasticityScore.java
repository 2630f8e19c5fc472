package dev.headroom.simulator.quality;

/**
 * The SPEC Research Group elasticity metrics of one supply series against its demand, plus cost
 * against the oracle (Herbst et al., "Quantifying Cloud Performance and Dependability", ACM TOMPECS
 * 2018). Percentages.
 *
 * @param thetaU θU: mean relative under-provisioning, Σ max(d − s, 0) ÷ max(d, 1) · Δt ÷ T
 * @param thetaO θO: mean relative over-provisioning, Σ max(s − d, 0) ÷ max(d, 1) · Δt ÷ T
 * @param tauU τU: share of time with s &lt; d
 * @param tauO τO: share of time with s &gt; d
 * @param replicaHours all pods (ready and starting) integrated over time, in hours
 * @param oracleHours the oracle's replica-hours: exactly the demand, at least the minimum
 */
public record ElasticityScore(
    double thetaU,
    double thetaO,
    double tauU,
    double tauO,
    double replicaHours,
    double oracleHours) {

  /** Replica-hours as a percentage of the oracle's. */
  public double costPercent() {
    return oracleHours == 0 ? 0 : 100 * replicaHours / oracleHours;
  }
}
