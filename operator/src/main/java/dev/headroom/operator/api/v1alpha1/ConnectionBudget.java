package dev.headroom.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A shared downstream connection limit and the grants Headroom hands out against it. Printer
 * columns: Ready first and Age last (see {@link ScalingPolicy} for how the order is kept).
 */
@Group(ScalingPolicy.GROUP)
@Version(ScalingPolicy.VERSION)
@ShortNames("cb")
@Categories({"headroom"})
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Granted",
    jsonPath = ".status.allocated",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Available",
    jsonPath = ".status.available",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Breached",
    jsonPath = ".status.conditions[?(@.type==\"Breached\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Overcommitted",
    jsonPath = ".status.conditions[?(@.type==\"Overcommitted\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Consumers",
    jsonPath = ".status.consumerCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Headroom",
    jsonPath = ".status.headroom",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Max",
    jsonPath = ".spec.maxConnections",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Reserved",
    jsonPath = ".spec.reserved",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "In-Use-Bound",
    jsonPath = ".status.inUseBound",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Observed",
    jsonPath = ".status.observedConnections",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ConnectionBudget extends CustomResource<ConnectionBudgetSpec, ConnectionBudgetStatus>
    implements Namespaced {

  public ConnectionBudget() {
    TypeNames.share(this);
  }

  @Override
  protected ConnectionBudgetStatus initStatus() {
    return new ConnectionBudgetStatus();
  }
}
