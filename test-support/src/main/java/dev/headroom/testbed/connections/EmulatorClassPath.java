package dev.headroom.testbed.connections;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The class path that runs the emulator: this JVM's own, with a manifest-only jar (how Surefire and
 * Failsafe start test JVMs) opened into the entries its {@code Class-Path} names, so that the
 * emulator does not depend on a booter jar deleted when the tests end.
 */
public final class EmulatorClassPath {

  private EmulatorClassPath() {}

  public static String of(String classPath) {
    List<String> out = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      List<String> named = manifestClassPath(Path.of(entry));
      if (named.isEmpty()) {
        out.add(entry);
      } else {
        out.addAll(named);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  private static List<String> manifestClassPath(Path jar) {
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return List.of();
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      var manifest = file.getManifest();
      String value = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (value == null || value.isBlank()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String item : value.trim().split("\\s+")) {
        URI uri = jar.toUri().resolve(item);
        out.add("file".equals(uri.getScheme()) ? Path.of(uri).toString() : item);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }
}
