package dev.headroom.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalePatchAuditTest {

  private static String event(String stage, String verb, String sub, int code, String at) {
    return """
        {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","stage":"%s",\
        "verb":"%s","objectRef":{"resource":"deployments","namespace":"bench-0",\
        "name":"svc-00000","apiGroup":"apps","apiVersion":"v1","subresource":"%s"},\
        "responseStatus":{"metadata":{},"code":%d},\
        "requestReceivedTimestamp":"2026-12-06T21:09:14.500000Z","stageTimestamp":"%s"}"""
        .formatted(stage, verb, sub, code, at);
  }

  @Test
  void takesTheFirstAnsweredPatchAfterTheChange() throws Exception {
    Instant since = Instant.parse("2026-12-06T21:09:14Z");
    var answered =
        ScalePatchAudit.answered(
            List.of(
                event("ResponseComplete", "patch", "scale", 200, "2026-12-06T21:09:13.900000Z"),
                event("ResponseComplete", "patch", "scale", 409, "2026-12-06T21:09:14.100000Z"),
                event("ResponseComplete", "update", "scale", 200, "2026-12-06T21:09:14.150000Z"),
                event("ResponseStarted", "patch", "scale", 200, "2026-12-06T21:09:14.180000Z"),
                event("ResponseComplete", "patch", "scale", 200, "2026-12-06T21:09:14.634521Z"),
                event("ResponseComplete", "patch", "scale", 200, "2026-12-06T21:09:14.212000Z"),
                ""),
            since);
    assertThat(answered)
        .containsOnlyKeys("bench-0/svc-00000")
        .containsEntry("bench-0/svc-00000", Instant.parse("2026-12-06T21:09:14.212Z"));
  }
}
