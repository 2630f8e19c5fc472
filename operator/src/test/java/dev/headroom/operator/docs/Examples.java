package dev.headroom.operator.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The example manifests under {@code examples/}: their files, in a stable order, and the documents
 * each one holds. Read by the unit test that loads them into the API classes and by the integration
 * test that has the API server validate them.
 */
final class Examples {

  static final String GROUP_VERSION = "headroom.dev/v1alpha1";
  static final Set<String> HEADROOM_KINDS = Set.of("ScalingPolicy", "ConnectionBudget");
  static final Path ROOT = CrdSchema.repoRoot();
  static final Path DIR = ROOT.resolve("examples");

  private Examples() {}

  /** One document of an example file (or of another file, such as a docs page). */
  record Doc(Path file, int index, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    String apiVersion() {
      return node.path("apiVersion").asText();
    }

    String name() {
      return node.path("metadata").path("name").asText();
    }

    boolean isHeadroom() {
      return apiVersion().equals(GROUP_VERSION) && HEADROOM_KINDS.contains(kind());
    }

    @Override
    public String toString() {
      Path shown = file.startsWith(DIR) ? DIR.relativize(file) : ROOT.relativize(file);
      return shown + "#" + index + " " + kind() + "/" + name();
    }
  }

  /** The example files, relative to examples/, for readable test names. */
  static Stream<String> names() {
    return files().map(f -> DIR.relativize(f).toString().replace('\\', '/'));
  }

  static Stream<Path> files() {
    try (Stream<Path> files = Files.walk(DIR)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Doc> docs(Path file) {
    List<JsonNode> nodes = CrdSchema.readAllDocuments(file);
    List<Doc> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      out.add(new Doc(file, i, nodes.get(i)));
    }
    return out;
  }

  /** The manifests in the {@code ```yaml} blocks of a Markdown file, one document each. */
  static List<Doc> yamlBlocks(Path markdown) {
    String text;
    try {
      text = Files.readString(markdown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var block = java.util.regex.Pattern.compile("(?ms)^```yaml\\n(.*?)^```");
    var m = block.matcher(text);
    List<Doc> out = new ArrayList<>();
    while (m.find()) {
      out.add(new Doc(markdown, out.size(), CrdSchema.parseYaml(m.group(1))));
    }
    return out;
  }
}
