package dev.headroom.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * How one workload is scaled: its load signals, scarcest resource, pool range and schedules. The
 * generator orders printer columns by JSON path; the build then moves Ready to the front and Age to
 * the end (operator/pom.xml), so the order written here is the order shown.
 */
@Group(ScalingPolicy.GROUP)
@Version(ScalingPolicy.VERSION)
@ShortNames("sp")
@Categories({"headroom", "autoscaling"})
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Target",
    jsonPath = ".spec.targetRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Mode",
    jsonPath = ".spec.mode",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Replicas",
    jsonPath = ".status.currentReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Desired",
    jsonPath = ".status.desiredReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Pool",
    jsonPath = ".status.poolSize",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Requested",
    jsonPath = ".status.requestedReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Grant",
    jsonPath = ".status.grant",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Won",
    jsonPath = ".status.winner",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Limited-By",
    jsonPath = ".status.limitedBy",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ScalingPolicy extends CustomResource<ScalingPolicySpec, ScalingPolicyStatus>
    implements Namespaced {

  public ScalingPolicy() {
    TypeNames.share(this);
  }

  public static final String GROUP = "headroom.dev";
  public static final String VERSION = "v1alpha1";

  @Override
  protected ScalingPolicyStatus initStatus() {
    return new ScalingPolicyStatus();
  }
}
