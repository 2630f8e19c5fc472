package dev.headroom.image;

import com.google.cloud.tools.jib.api.JibContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the operator image as an OCI tarball (see {@link OperatorImage}); run by the build in the
 * {@code package} phase of this module with the arguments {@link ImageRequest} parses.
 */
public final class BuildOperatorImage {

  private BuildOperatorImage() {}

  public static void main(String[] args) throws Exception {
    ImageRequest request = ImageRequest.parse(args);
    long started = System.nanoTime();
    Files.createDirectories(request.workDir());
    Path runtime =
        new JavaRuntimeLinker().link(request.jdkHome(), request.workDir().resolve("java-runtime"));
    Set<Path> libraries = new NativeLibraries().of(runtime);
    JibContainer image = new OperatorImage().write(request, runtime, libraries);
    System.out.printf(
        Locale.ROOT,
        "operator image %s: %s, %.1f MB, %s, built in %.1f s%n",
        request.image(),
        request.tar(),
        Files.size(request.tar()) / 1e6,
        image.getDigest(),
        (System.nanoTime() - started) / 1e9);
  }
}
