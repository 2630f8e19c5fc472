package dev.headroom.operator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When the API server answered the scale patches, from its audit log (the test bed logs every patch
 * or update of a Deployment's or StatefulSet's scale at the Metadata level).
 */
final class ScalePatchAudit {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScalePatchAudit() {}

  /**
   * The first successful scale patch of each target after {@code since}, by {@code namespace/name}:
   * the audit event's {@code stageTimestamp} (microseconds) at ResponseComplete.
   */
  static Map<String, Instant> answered(Path auditLog, Instant since) throws IOException {
    return answered(Files.readAllLines(auditLog), since);
  }

  static Map<String, Instant> answered(List<String> lines, Instant since) throws IOException {
    Map<String, Instant> first = new HashMap<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode e = JSON.readTree(line);
      JsonNode ref = e.path("objectRef");
      if (!"ResponseComplete".equals(e.path("stage").asText())
          || !"patch".equals(e.path("verb").asText())
          || !"scale".equals(ref.path("subresource").asText())
          || e.path("responseStatus").path("code").asInt() != 200) {
        continue;
      }
      Instant at = Instant.parse(e.path("stageTimestamp").asText());
      if (at.isBefore(since)) {
        continue;
      }
      first.merge(
          ref.path("namespace").asText() + "/" + ref.path("name").asText(),
          at,
          (a, b) -> a.isBefore(b) ? a : b);
    }
    return first;
  }
}
