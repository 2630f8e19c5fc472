package dev.headroom.operator.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import org.junit.jupiter.api.Test;

class CanonicalStringsTest {

  @Test
  void equalValuesShareOneCopy() {
    CanonicalStrings strings = new CanonicalStrings(10, 20);
    String a = new String("Ready");
    String b = new String("Ready");
    assertThat(strings.of(a)).isSameAs(a);
    assertThat(strings.of(b)).isSameAs(a);
    assertThat(strings.of(null)).isNull();
  }

  @Test
  void longValuesAreLeftAlone() {
    CanonicalStrings strings = new CanonicalStrings(10, 4);
    String a = new String("longer");
    strings.of(a);
    assertThat(strings.of(new String("longer"))).isNotSameAs(a);
    assertThat(strings.size()).isZero();
  }

  @Test
  void startsAgainWhenFullSoValuesSeenOnceCannotGrowIt() {
    CanonicalStrings strings = new CanonicalStrings(3, 20);
    for (int i = 0; i < 100; i++) {
      strings.of("uid-" + i);
      assertThat(strings.size()).isLessThanOrEqualTo(4);
    }
    String kept = strings.of(new String("Ready"));
    assertThat(strings.of(new String("Ready"))).isSameAs(kept);
  }

  @Test
  void objectsReadThroughTheModuleShareTheirStrings() throws Exception {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(SharedStringsCustomizer.module(new CanonicalStrings(100, 128)));
    String json =
        """
        {"apiVersion":"headroom.dev/v1alpha1","kind":"ScalingPolicy",
         "metadata":{"name":"%s","namespace":"shop","labels":{"team":"payments"}},
         "spec":{"targetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"%s"}},
         "status":{"conditions":[{"type":"Ready","status":"True","reason":"Scaled",
           "message":"keep 0 replicas (reactive won)"}]}}
        """;
    ScalingPolicy a = mapper.readValue(json.formatted("a", "a"), ScalingPolicy.class);
    ScalingPolicy b = mapper.readValue(json.formatted("b", "b"), ScalingPolicy.class);
    assertThat(b.getMetadata().getNamespace()).isSameAs(a.getMetadata().getNamespace());
    assertThat(b.getMetadata().getLabels().get("team"))
        .isSameAs(a.getMetadata().getLabels().get("team"));
    assertThat(b.getStatus().getConditions().get(0).getMessage())
        .isEqualTo("keep 0 replicas (reactive won)")
        .isSameAs(a.getStatus().getConditions().get(0).getMessage());
    assertThat(b.getSpec().getTargetRef().getKind()).isSameAs(a.getSpec().getTargetRef().getKind());
    assertThat(b.getMetadata().getName()).isEqualTo("b");
  }

  @Test
  void uidsAndResourceVersionsStayOutOfTheTable() throws Exception {
    CanonicalStrings strings = new CanonicalStrings(100, 128);
    ObjectMapper mapper =
        new ObjectMapper().registerModule(SharedStringsCustomizer.module(strings));
    String json =
        """
        {"apiVersion":"headroom.dev/v1alpha1","kind":"ScalingPolicy",
         "metadata":{"name":"a","uid":"%s","resourceVersion":"%s"}}
        """;
    ScalingPolicy a = mapper.readValue(json.formatted("u-1", "41"), ScalingPolicy.class);
    int afterFirst = strings.size();
    ScalingPolicy b = mapper.readValue(json.formatted("u-2", "42"), ScalingPolicy.class);
    assertThat(strings.size()).isEqualTo(afterFirst);
    assertThat(b.getMetadata().getUid()).isEqualTo("u-2");
    assertThat(b.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(b.getMetadata().getName()).isSameAs(a.getMetadata().getName());
  }
}
