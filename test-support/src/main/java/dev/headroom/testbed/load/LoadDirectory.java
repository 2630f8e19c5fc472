package dev.headroom.testbed.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory the load exporter serves: one {@code .prom} file per series, each holding
 * Prometheus text-format lines. Writers replace a file atomically, so a scrape sees the old or the
 * new value, never half a line. Other writers (the operator benchmark) may put files of several
 * lines there.
 */
public final class LoadDirectory {

  private final Path dir;

  public LoadDirectory(Path dir) {
    this.dir = dir;
  }

  public Path path() {
    return dir;
  }

  /** Sets the live value of {@code series}; the exporter serves it from its next request on. */
  public void set(Series series, double value) {
    Path target = dir.resolve(series.fileName());
    Path tmp = dir.resolve(series.fileStem() + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.writeString(tmp, series.text() + " " + formatValue(value) + "\n");
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Stops serving {@code series}; Prometheus marks it stale at its next scrape. */
  public void clear(Series series) {
    try {
      Files.deleteIfExists(dir.resolve(series.fileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The non-blank lines of every {@code *.prom} file, files in name order, one line each. */
  public String exposition() {
    StringBuilder out = new StringBuilder();
    for (Path file : promFiles()) {
      String content;
      try {
        content = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        continue; // cleared between listing and reading
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      content.lines().filter(line -> !line.isBlank()).forEach(l -> out.append(l).append('\n'));
    }
    return out.toString();
  }

  private List<Path> promFiles() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".prom")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** A sample value as the text format writes it: {@code NaN}, {@code +Inf}, {@code 42.5}. */
  static String formatValue(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(value);
  }
}
