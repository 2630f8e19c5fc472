package dev.headroom.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The system libraries a linked Java runtime loads: the C library, the dynamic loader, zlib,
 * libstdc++ and libgcc_s as {@code ldd} resolves them on the build machine, where the JDK that
 * linked the runtime runs with exactly these. {@code libgcc_s} is added even when no file names it,
 * because the C library loads it when a thread is cancelled.
 */
final class NativeLibraries {

  private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
  private static final List<String> ALWAYS = List.of("libgcc_s.so.1");

  /** Absolute paths of the libraries outside {@code runtime} that its binaries need. */
  Set<Path> of(Path runtime) throws IOException, InterruptedException {
    Set<String> inRuntime = new TreeSet<>();
    List<Path> binaries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(runtime)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (isElf(f)) {
          binaries.add(f);
          inRuntime.add(f.getFileName().toString());
        }
      }
    }
    Set<Path> needed = new TreeSet<>();
    for (Path binary : binaries) {
      for (String line : ldd(binary)) {
        String l = line.strip();
        int arrow = l.indexOf("=>");
        if (arrow >= 0) {
          String name = l.substring(0, arrow).strip();
          String target = l.substring(arrow + 2).strip();
          if (target.startsWith("not found")) {
            if (!inRuntime.contains(name)) {
              throw new IllegalStateException(
                  binary + " needs " + name + ", which the build" + " machine does not have");
            }
          } else {
            Path library = Path.of(target.split("\\s+")[0]).normalize();
            if (!library.startsWith(runtime.toAbsolutePath().normalize())) {
              needed.add(library);
            }
          }
        } else if (l.startsWith("/")) {
          needed.add(Path.of(l.split("\\s+")[0])); // the dynamic loader
        }
      }
    }
    Path libc =
        needed.stream()
            .filter(p -> p.getFileName().toString().equals("libc.so.6"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("ldd found no libc.so.6 for " + runtime));
    for (String extra : ALWAYS) {
      Path p = libc.resolveSibling(extra);
      if (Files.exists(p)) {
        needed.add(p);
      }
    }
    return needed;
  }

  private static boolean isElf(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      return Arrays.equals(in.readNBytes(4), ELF);
    }
  }

  private static List<String> ldd(Path binary) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ldd " + binary + " failed: " + out);
    }
    return out.lines().toList();
  }
}
