package dev.headroom.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Links the image's Java runtime with {@code jlink} from the build's JDK: only the modules the
 * operator uses, without debug symbols, headers or man pages.
 */
final class JavaRuntimeLinker {

  /**
   * The modules the operator needs at run time: what {@code jdeps} finds in its fast-jar (base,
   * logging, naming, management, desktop for {@code java.beans}, net.http, sql, unsupported), plus
   * the providers found through services rather than classes: elliptic-curve TLS (Kubernetes API
   * servers commonly serve ECDSA certificates), DNS naming and zip file systems.
   */
  static final List<String> MODULES =
      List.of(
          "java.base",
          "java.logging",
          "java.naming",
          "java.management",
          "jdk.management",
          "java.desktop",
          "java.net.http",
          "java.sql",
          "jdk.unsupported",
          "jdk.crypto.ec",
          "jdk.naming.dns",
          "jdk.zipfs");

  /**
   * The native libraries of {@code java.desktop}, loaded only for windows, images, fonts and sound,
   * never by a headless operator: removed, so that the image carries neither them nor the X11, ALSA
   * and font libraries they link.
   */
  static final List<String> DESKTOP_NATIVE_LIBRARIES =
      List.of(
          "libawt.so",
          "libawt_headless.so",
          "libawt_xawt.so",
          "libfontmanager.so",
          "libjavajpeg.so",
          "libjawt.so",
          "libjsound.so",
          "liblcms.so",
          "libmlib_image.so",
          "libsplashscreen.so");

  Path link(Path jdkHome, Path output) throws IOException, InterruptedException {
    Path jlink = jdkHome.resolve("bin/jlink");
    Path jmods = jdkHome.resolve("jmods");
    if (!Files.isExecutable(jlink) || !Files.isDirectory(jmods)) {
      throw new IllegalStateException(
          jdkHome
              + " is not a full JDK (needs bin/jlink and jmods/;"
              + " on Debian: apt-get install openjdk-17-jdk-headless); pass --jdk=DIR");
    }
    Tree.delete(output);
    List<String> command =
        new ArrayList<>(
            List.of(
                jlink.toString(),
                "--module-path",
                jmods.toString(),
                "--add-modules",
                String.join(",", MODULES),
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--compress=2",
                "--output",
                output.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jlink failed: " + log);
    }
    for (String library : DESKTOP_NATIVE_LIBRARIES) {
      Files.deleteIfExists(output.resolve("lib").resolve(library));
    }
    return output;
  }
}
