package dev.headroom.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** An OCI image layout tarball as read back: its index, manifest, config and file system. */
final class OciArchive {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, byte[]> entries;
  final JsonNode index;
  final JsonNode manifest;
  final JsonNode config;

  OciArchive(Path tar) throws IOException {
    entries = new HashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile()) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    }
    index = JSON.readTree(blob("index.json"));
    manifest = JSON.readTree(blobOf(index.at("/manifests/0/digest").asText()));
    config = JSON.readTree(blobOf(manifest.at("/config/digest").asText()));
  }

  byte[] blob(String name) {
    byte[] b = entries.get(name);
    if (b == null) {
      throw new IllegalStateException("no " + name + " in the archive; it has " + entries.keySet());
    }
    return b;
  }

  byte[] blobOf(String digest) {
    return blob("blobs/" + digest.replace(':', '/'));
  }

  /** Every layer's file paths (absolute, as in the image), in layer order. */
  List<List<String>> layerPaths() throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      List<String> paths = new ArrayList<>();
      try (TarArchiveInputStream in = layer(layer)) {
        for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          paths.add("/" + e.getName().replaceFirst("^\\./", "").replaceFirst("/$", ""));
        }
      }
      out.add(paths);
    }
    return out;
  }

  /** Unpacks the layers into {@code root}, as a container runtime lays out the file system. */
  void unpack(Path root) throws IOException {
    for (JsonNode layer : manifest.path("layers")) {
      try (TarArchiveInputStream in = layer(layer)) {
        for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          Path target = root.resolve(e.getName()).normalize();
          if (!target.startsWith(root)) {
            throw new IllegalStateException("layer entry outside the root: " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          Files.setPosixFilePermissions(target, Permissions.of(e.getMode()));
        }
      }
    }
    if (!Files.isDirectory(root.resolve("proc"), LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectory(root.resolve("proc")); // a runtime's mount point, not in the image
    }
  }

  private TarArchiveInputStream layer(JsonNode layer) throws IOException {
    InputStream raw = new java.io.ByteArrayInputStream(blobOf(layer.path("digest").asText()));
    try {
      return new TarArchiveInputStream(new GZIPInputStream(raw));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
