package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands (run, test) exist, install what they need themselves, and CI runs
 * exactly the test command.
 */
class ReadmeCommandsTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void ciRunsTheInstallStepThenExactlyTheReadmesTestCommand() throws IOException {
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

    assertThat(ci).containsExactly("scripts/install-deps", "scripts/test");
    assertThat(readme).as("README shows the test command").contains("```\nscripts/test\n```");
  }

  @Test
  void bothReadmeCommandsInstallWhatTheyNeedThemselves() throws IOException {
    List<String> test = commands(REPO.resolve("scripts/test"));
    assertThat(test).containsSubsequence("scripts/install-deps", "exec ./mvnw -B verify \"$@\"");
    assertThat(commands(REPO.resolve("scripts/demo"))).contains("\"$REPO/scripts/install-deps\"");
  }

  private static List<String> commands(Path script) throws IOException {
    return Files.readAllLines(script).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  @Test
  void theReadmesRunCommandExistsAndIsExecutable() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    assertThat(readme).contains("```\nscripts/demo\n```");
    assertThat(REPO.resolve("scripts/demo")).isExecutable();
    assertThat(REPO.resolve("scripts/install-deps")).isExecutable();
    assertThat(REPO.resolve("scripts/test")).isExecutable();
    assertThat(REPO.resolve(".ci/run")).isRegularFile();
  }
}
