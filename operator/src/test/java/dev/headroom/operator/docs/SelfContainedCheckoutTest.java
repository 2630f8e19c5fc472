package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checkout is all the build, the tests, the scripts and the simulator need: nothing refers to a
 * directory beside the repository, and the traces they read are in {@code examples/traces}.
 */
class SelfContainedCheckoutTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  /** Directories that hold build output or version-control data, not sources. */
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules");

  /** Text files by name ending; files without one are included when executable (scripts). */
  private static final List<String> TEXT_ENDINGS =
      List.of(
          ".java",
          ".md",
          ".yaml",
          ".yml",
          ".xml",
          ".properties",
          ".json",
          ".tpl",
          ".txt",
          ".sh",
          ".py",
          ".html",
          ".js",
          ".css",
          ".cmd",
          ".toml",
          ".cfg");

  /** Built from parts so that this file does not match itself. */
  private static final List<String> OUTSIDE_PATHS = List.of(".." + "/shared", "/work" + "/shared");

  @Test
  void noSourceFileOrScriptRefersToADirectoryBesideTheRepository() {
    List<String> offenders = new ArrayList<>();
    for (Path file : textFiles()) {
      String text = read(file);
      if (text == null) {
        continue;
      }
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        for (String outside : OUTSIDE_PATHS) {
          if (lines[i].contains(outside)) {
            offenders.add(REPO.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
          }
        }
      }
    }
    assertThat(offenders).as("references to paths outside the checkout").isEmpty();
  }

  @Test
  void theTracesAreInTheRepositoryWithTheirSources() throws IOException {
    Path traces = REPO.resolve("examples/traces");
    String readme = Files.readString(traces.resolve("README.md"));
    for (String trace :
        List.of(
            "azure-functions-8h-minute.csv", "wc98-minute.csv", "wikipedia-2022sep-dec-hour.csv")) {
      Path csv = traces.resolve(trace);
      assertThat(csv).isRegularFile();
      try (Stream<String> lines = Files.lines(csv)) {
        assertThat(lines.findFirst()).contains("timestamp,requests");
      }
      assertThat(readme)
          .as("README credits %s", trace)
          .contains("### `examples/traces/" + trace + "`");
    }
    assertThat(readme).contains("License stated in that repository");
  }

  @Test
  void theCheckIsNotVacuous() {
    List<Path> files = textFiles();
    assertThat(files)
        .contains(
            REPO.resolve("scripts/testbed"),
            REPO.resolve("headroom"),
            REPO.resolve("docs/development.md"),
            REPO.resolve("test-support/src/main/java/dev/headroom/testbed/TestBed.java"));
  }

  private static List<Path> textFiles() {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(
          REPO,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return SKIPPED_DIRS.contains(dir.getFileName().toString())
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              boolean text =
                  TEXT_ENDINGS.stream().anyMatch(name::endsWith)
                      || (!name.contains(".") && Files.isExecutable(file))
                      || name.equals("run");
              if (attrs.isRegularFile() && text) {
                out.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
