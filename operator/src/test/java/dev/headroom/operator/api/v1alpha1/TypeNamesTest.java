package dev.headroom.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeNamesTest {

  @Test
  void instancesOfATypeShareOneCopyOfItsNames() {
    ScalingPolicy a = new ScalingPolicy();
    ScalingPolicy b = new ScalingPolicy();
    assertThat(b.getPlural()).isEqualTo("scalingpolicies").isSameAs(a.getPlural());
    assertThat(b.getSingular()).isEqualTo("scalingpolicy").isSameAs(a.getSingular());
    assertThat(b.getCRDName()).isEqualTo("scalingpolicies.headroom.dev").isSameAs(a.getCRDName());
    assertThat(b.getApiVersion()).isEqualTo("headroom.dev/v1alpha1").isSameAs(a.getApiVersion());
    assertThat(b.getKind()).isEqualTo("ScalingPolicy").isSameAs(a.getKind());
  }

  @Test
  void eachTypeKeepsItsOwnNames() {
    new ScalingPolicy();
    ConnectionBudget budget = new ConnectionBudget();
    assertThat(new ConnectionBudget().getPlural())
        .isEqualTo("connectionbudgets")
        .isSameAs(budget.getPlural());
    assertThat(budget.getKind()).isEqualTo("ConnectionBudget");
  }
}
