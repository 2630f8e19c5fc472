package dev.headroom.testbed.components;

import dev.headroom.testbed.process.Daemons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code scripts/testbed down}: stops every recorded process, last started first (PostgreSQL with
 * its data dir), and removes data dirs, certificates, kubeconfig, Prometheus files and pid files;
 * {@code logs/} stays.
 */
public final class Teardown {

  private final Layout layout;
  private final Daemons daemons;

  public Teardown(Layout layout, Daemons daemons) {
    this.layout = layout;
    this.daemons = daemons;
  }

  /** Stops everything; returns the names that were alive. */
  public List<String> stopAll() {
    List<String> stopped = new ArrayList<>();
    List<String> all = new ArrayList<>(Components.ALL);
    java.util.Collections.reverse(all);
    for (String name : all) {
      if (daemons.alive(name)) {
        stopped.add(name);
      }
      if (name.equals("postgres")) {
        stopPostgresAndData();
      } else {
        daemons.stop(name);
      }
    }
    for (Path path :
        List.of(
            layout.data(),
            layout.pki(),
            layout.kubeconfig(),
            layout.kwokConfig(),
            layout.prometheus(),
            layout.run(),
            layout.startedByTests())) {
      delete(path);
    }
    return stopped;
  }

  /**
   * PgBouncer, the connection emulator and postgres_exporter (which all need PostgreSQL), then
   * PostgreSQL (SIGINT: fast shutdown) and its data dir.
   */
  public void stopPostgresAndData() {
    var dataDir = daemons.read("postgres", "datadir.keep").map(Path::of);
    daemons.stop("pgbouncer");
    dataDir.ifPresent(d -> delete(Path.of(d + ".pgbouncer")));
    daemons.stop("connections");
    daemons.stop("postgres-exporter");
    delete(layout.prometheus().resolve("targets/postgres.json"));
    daemons.stop("postgres", "INT");
    dataDir.ifPresent(Teardown::delete);
  }

  /** Removes what starting the control plane wrote: etcd's data, certificates, kubeconfigs. */
  public void removeCoreState() {
    for (Path path :
        List.of(
            layout.data().resolve("etcd"),
            layout.pki(),
            layout.kubeconfig(),
            layout.kwokConfig())) {
      delete(path);
    }
  }

  /** Deletes {@code path} and, if it is a directory, all below it. */
  public static void delete(Path path) {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
