package dev.headroom.testbed.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchPathTest {

  @TempDir Path dir;

  @Test
  void theFirstExecutableOnThePathWins() throws IOException {
    Path first = Files.createDirectories(dir.resolve("a"));
    Path second = Files.createDirectories(dir.resolve("b"));
    Files.writeString(first.resolve("promtool"), "not executable");
    Path tool = Files.writeString(second.resolve("promtool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(SearchPath.find("promtool", first + ":" + second)).contains(tool);
    assertThat(SearchPath.find("prometheus", first + ":" + second)).isEmpty();
    assertThat(SearchPath.find("promtool", null)).isEmpty();
  }

  @Test
  void aJavaProgramRunsOnTheGivenClassPath() {
    JavaProgram program = new JavaProgram(Path.of("/jdk/bin/java"), "/cp/a.jar:/cp/classes");
    assertThat(program.command(List.of("-Xmx64m"), "dev.Example", List.of("x", "1")))
        .containsExactly(
            "/jdk/bin/java", "-Xmx64m", "-cp", "/cp/a.jar:/cp/classes", "dev.Example", "x", "1");
  }
}
