package dev.headroom.testbed.postgres;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.process.Command;
import dev.headroom.testbed.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Whom PostgreSQL and PgBouncer run as. Both refuse root: when the test bed runs as root they run
 * as user {@code postgres} (through {@code setpriv}), in a data dir that user can reach; otherwise
 * as the current user.
 */
public final class PostgresAccount {

  private static final List<String> AS_POSTGRES =
      List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--");

  private final boolean root;

  public PostgresAccount(boolean root) {
    this.root = root;
  }

  /** The account for this process: root or not. */
  public static PostgresAccount current() {
    try {
      return new PostgresAccount(
          (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code command}, run as user postgres when we are root. */
  public List<String> command(List<String> command) {
    List<String> out = new ArrayList<>(root ? AS_POSTGRES : List.of());
    out.addAll(command);
    return List.copyOf(out);
  }

  /**
   * PostgreSQL's data dir: {@code data/postgres}, or, when user postgres cannot reach the state
   * dir, one under {@code $TMPDIR} named after a hash of the state dir.
   */
  public Path dataDir(Layout layout, String tmpDir) {
    Path dir = layout.data().resolve("postgres");
    if (!root) {
      return dir;
    }
    if (!Command.succeeds(List.of("id", "postgres"))) {
      throw new TestBedException("user postgres does not exist; run scripts/install-deps");
    }
    try {
      Files.createDirectories(layout.data());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (Command.succeeds(command(List.of("test", "-x", layout.data().toString())))) {
      return dir;
    }
    return Path.of(tmpDir == null || tmpDir.isEmpty() ? "/tmp" : tmpDir)
        .resolve("headroom-testbed-postgres-" + stateHash(layout.state()));
  }

  /** The first 12 hex digits of the SHA-256 of the state dir's name. */
  static String stateHash(Path state) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(state.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hands {@code path} to user postgres when we are root. */
  public void own(Path path) {
    if (root) {
      CommandResult result = Command.run(List.of("chown", "postgres:", path.toString()));
      if (!result.ok()) {
        throw new TestBedException(
            "cannot chown " + path + " to postgres: " + result.output().strip());
      }
    }
  }
}
