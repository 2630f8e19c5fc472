package dev.headroom.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.FilePermissionsProvider;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's image, assembled from scratch: system libraries and a few files of {@code /etc}, a
 * linked Java runtime in {@code /opt/java}, and Quarkus' fast-jar in {@code /deployments} as three
 * layers (dependencies, Quarkus' generated code, the application), so that a change to the
 * operator's code rebuilds and ships only the small last layers. Runs as user 1001 (the Helm
 * chart's {@code runAsUser}), listens on 8080, written as an OCI tarball.
 */
final class OperatorImage {

  static final String USER = "1001";
  static final int PORT = 8080;
  static final String JAVA_HOME = "/opt/java";
  static final String APP = "/deployments";
  static final List<String> ENTRYPOINT =
      List.of(
          JAVA_HOME + "/bin/java",
          // Half of the container's memory for the heap: beside it the JVM measured about 210 MiB
          // (class metadata, compiled code, threads), which 75 % of the chart's 512Mi left no room
          // for once the heap had grown to its maximum (docs/operations.md, sizing).
          "-XX:MaxRAMPercentage=50.0",
          // A quarter of the heap for new objects rather than a third: what an operator keeps (its
          // caches) lives long, and at 10,000 policies under 512Mi the old generation needs the
          // room.
          "-XX:NewRatio=3",
          // A JVM out of heap is not to be trusted with budgets: exit, and let Kubernetes restart
          // it.
          "-XX:+ExitOnOutOfMemoryError",
          "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
          "-jar",
          APP + "/quarkus-run.jar");

  private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");
  private static final FilePermissions READABLE = FilePermissions.fromOctalString("644");
  private static final FilePermissionsProvider KEEP_EXECUTABLE =
      (source, target) ->
          Files.isDirectory(source) || Files.isExecutable(source) ? EXECUTABLE : READABLE;

  /** Every file dated like Jib's own default, so that equal inputs give equal layers. */
  private static final Instant FILE_TIME = Instant.ofEpochSecond(1);

  JibContainer write(ImageRequest request, Path runtime, Set<Path> libraries)
      throws IOException,
          InterruptedException,
          InvalidImageReferenceException,
          java.util.concurrent.ExecutionException,
          com.google.cloud.tools.jib.api.RegistryException,
          com.google.cloud.tools.jib.api.CacheDirectoryCreationException {
    Path app = request.quarkusApp();
    if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
      throw new IllegalStateException(
          app
              + " holds no quarkus-run.jar; build the operator first"
              + " (./mvnw -B -pl operator -am package)");
    }
    Path etc = writeEtc(request.workDir().resolve("etc"));
    Path tmp = Files.createDirectories(request.workDir().resolve("tmp"));

    FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("system");
    for (Path lib : libraries) {
      system.addEntry(
          lib.toRealPath(), AbsoluteUnixPath.get(lib.toString()), EXECUTABLE, FILE_TIME);
    }
    for (String f : List.of("passwd", "group", "nsswitch.conf")) {
      system.addEntry(etc.resolve(f), AbsoluteUnixPath.get("/etc/" + f), READABLE, FILE_TIME);
    }
    // /tmp for Vert.x' file cache when no volume is mounted there (the chart mounts an emptyDir).
    system.addEntry(
        tmp, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), FILE_TIME);

    JibContainerBuilder image =
        Jib.fromScratch()
            .setFormat(ImageFormat.OCI)
            .setPlatforms(Set.of(new Platform(architecture(), "linux")))
            .addFileEntriesLayer(system.build())
            .addFileEntriesLayer(tree("java-runtime", runtime, JAVA_HOME))
            .addFileEntriesLayer(
                FileEntriesLayer.builder()
                    .setName("dependencies")
                    .addEntryRecursive(
                        app.resolve("lib"),
                        AbsoluteUnixPath.get(APP + "/lib"),
                        KEEP_EXECUTABLE,
                        (s, t) -> FILE_TIME)
                    .build())
            .addFileEntriesLayer(tree("quarkus", app.resolve("quarkus"), APP + "/quarkus"))
            .addFileEntriesLayer(
                FileEntriesLayer.builder()
                    .setName("application")
                    .addEntryRecursive(
                        app.resolve("app"),
                        AbsoluteUnixPath.get(APP + "/app"),
                        KEEP_EXECUTABLE,
                        (s, t) -> FILE_TIME)
                    .addEntry(
                        app.resolve("quarkus-run.jar"),
                        AbsoluteUnixPath.get(APP + "/quarkus-run.jar"),
                        READABLE,
                        FILE_TIME)
                    .build())
            .setEntrypoint(ENTRYPOINT)
            .setEnvironment(
                Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin", "LANG", "C.UTF-8"))
            .setUser(USER + ":" + USER)
            .setWorkingDirectory(AbsoluteUnixPath.get(APP))
            .addExposedPort(Port.tcp(PORT))
            .setLabels(labels(request))
            .setCreationTime(Instant.EPOCH);

    Files.createDirectories(request.tar().toAbsolutePath().getParent());
    Path cache = request.workDir().resolve("jib-cache");
    return image.containerize(
        Containerizer.to(TarImage.at(request.tar()).named(request.image()))
            .setOfflineMode(true)
            .setBaseImageLayersCache(cache)
            .setApplicationLayersCache(cache)
            .setToolName("headroom-operator-image"));
  }

  static Map<String, String> labels(ImageRequest request) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", "headroom-operator");
    labels.put(
        "org.opencontainers.image.description",
        "Headroom: Kubernetes autoscaling within" + " shared connection budgets");
    labels.put("org.opencontainers.image.source", request.source());
    labels.put("org.opencontainers.image.version", request.version());
    labels.put("org.opencontainers.image.revision", request.revision());
    return labels;
  }

  /** The OCI name of the architecture the runtime was linked for (the build machine's). */
  static String architecture() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> throw new IllegalStateException("no OCI architecture known for " + arch);
    };
  }

  private static FileEntriesLayer tree(String name, Path source, String target) throws IOException {
    return FileEntriesLayer.builder()
        .setName(name)
        .addEntryRecursive(
            source, AbsoluteUnixPath.get(target), KEEP_EXECUTABLE, (s, t) -> FILE_TIME)
        .build();
  }

  private static Path writeEtc(Path etc) throws IOException {
    Files.createDirectories(etc);
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/sbin/nologin\n"
            + "headroom:x:"
            + USER
            + ":"
            + USER
            + ":headroom:/tmp:/sbin/nologin\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nheadroom:x:" + USER + ":\n");
    Files.writeString(
        etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
    return etc;
  }
}
