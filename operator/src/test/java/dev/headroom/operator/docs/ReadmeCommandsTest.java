package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's install, run and test commands are the ones that exist and that CI runs. */
class ReadmeCommandsTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void ciRunsExactlyTheReadmesInstallAndTestCommands() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    List<String> ci =
        Files.readAllLines(REPO.resolve(".ci/run")).stream()
            .map(String::strip)
            .filter(
                l ->
                    !l.isEmpty()
                        && !l.startsWith("#")
                        && !l.startsWith("set ")
                        && !l.startsWith("cd "))
            .toList();

    assertThat(ci).containsExactly("scripts/install-deps", "./mvnw -B verify");
    for (String command : ci) {
      assertThat(readme)
          .as("README shows %s in a code block", command)
          .contains("```\n" + command + "\n```");
    }
  }

  @Test
  void theReadmesRunCommandExistsAndIsExecutable() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    assertThat(readme).contains("```\nscripts/demo\n```");
    assertThat(REPO.resolve("scripts/demo")).isExecutable();
    assertThat(REPO.resolve("scripts/install-deps")).isExecutable();
    assertThat(REPO.resolve(".ci/run")).isRegularFile();
  }
}
