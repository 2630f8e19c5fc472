package dev.headroom.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Checks that a status type compared and copied as a value agrees with what a status write sends:
 * its JSON.
 */
final class JsonValues {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  private JsonValues() {}

  /**
   * {@code x} equals each of {@code others} exactly when their JSON is equal; equal ones hash
   * alike.
   */
  static void equalExactlyWhenTheirJsonIs(Object x, List<?> others) {
    for (Object other : others) {
      boolean json = JSON.asJson(x).equals(JSON.asJson(other));
      assertThat(x.equals(other))
          .as("%s vs %s", JSON.asJson(x), JSON.asJson(other))
          .isEqualTo(json);
      if (json) {
        assertThat(x.hashCode()).isEqualTo(other.hashCode());
      }
    }
  }

  /**
   * The copy equals {@code original} and writes the same JSON, and {@code change} made to the copy
   * leaves the original's JSON as it was.
   */
  static <T> void aCopyIsEqualAndIndependent(
      T original, UnaryOperator<T> copy, Consumer<T> change) {
    String before = JSON.asJson(original);
    T copied = copy.apply(original);
    assertThat(copied).isEqualTo(original);
    assertThat(JSON.asJson(copied)).isEqualTo(before);
    change.accept(copied);
    assertThat(JSON.asJson(original)).isEqualTo(before);
  }
}
