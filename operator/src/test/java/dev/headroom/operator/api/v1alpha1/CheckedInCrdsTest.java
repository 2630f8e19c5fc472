package dev.headroom.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs users install (crds/ and the chart's crds/) must be exactly what the build generates
 * from the API classes. Run {@code scripts/update-crds} after changing the API.
 */
class CheckedInCrdsTest {

  private static final Path GENERATED =
      Path.of(System.getProperty("headroom.generatedCrds", "target/crds"));
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void buildGeneratesBothCrds() throws IOException {
    assertThat(generatedFiles())
        .containsExactlyInAnyOrder(
            "connectionbudgets.headroom.dev-v1.yml", "scalingpolicies.headroom.dev-v1.yml");
  }

  @Test
  void checkedInCrdsMatchTheBuild() throws IOException {
    for (String name : generatedFiles()) {
      assertThat(REPO.resolve("crds").resolve(name))
          .as("crds/%s is stale: run scripts/update-crds", name)
          .hasSameTextualContentAs(GENERATED.resolve(name));
    }
  }

  @Test
  void chartCrdsMatchTheBuild() throws IOException {
    for (String name : generatedFiles()) {
      assertThat(REPO.resolve("helm/headroom/crds").resolve(name))
          .as("helm/headroom/crds/%s is stale: run scripts/update-crds", name)
          .hasSameTextualContentAs(GENERATED.resolve(name));
    }
  }

  /**
   * kubectl users expect Ready first and Age last, as for built-in kinds (see operator/pom.xml).
   */
  @Test
  void printerColumnsStartWithReadyAndEndWithAge() throws IOException {
    for (String name : generatedFiles()) {
      var crd =
          new com.fasterxml.jackson.databind.ObjectMapper(
                  new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
              .readTree(GENERATED.resolve(name).toFile());
      List<String> columns = new java.util.ArrayList<>();
      crd.at("/spec/versions/0/additionalPrinterColumns")
          .forEach(c -> columns.add(c.get("name").asText()));
      assertThat(columns).as(name).startsWith("Ready").endsWith("Age");
    }
  }

  private static List<String> generatedFiles() throws IOException {
    try (Stream<Path> files = Files.list(GENERATED)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
