package dev.headroom.testbed.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorClassPathTest {

  @Test
  void opensAManifestOnlyJarIntoItsEntries(@TempDir Path dir) throws Exception {
    Path booter = dir.resolve("booter.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(Attributes.Name.CLASS_PATH, dir.resolve("lib/a.jar").toUri() + " classes/");
    try (OutputStream out = Files.newOutputStream(booter);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }
    String classPath = EmulatorClassPath.of(booter + File.pathSeparator + "/plain/dir");

    assertThat(classPath.split(File.pathSeparator))
        .containsExactly(
            dir.resolve("lib/a.jar").toString(), dir.resolve("classes").toString(), "/plain/dir");
  }

  @Test
  void keepsEntriesWithoutAClassPath(@TempDir Path dir) {
    assertThat(EmulatorClassPath.of("/x/y.jar" + File.pathSeparator + dir))
        .isEqualTo("/x/y.jar" + File.pathSeparator + dir);
  }
}
