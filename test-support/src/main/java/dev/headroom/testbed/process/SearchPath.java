package dev.headroom.testbed.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program on {@code PATH}, as the shell's {@code command -v} does. */
public final class SearchPath {

  private SearchPath() {}

  public static Optional<Path> find(String program, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  public static Optional<Path> find(String program) {
    return find(program, System.getenv("PATH"));
  }
}
