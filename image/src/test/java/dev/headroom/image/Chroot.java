package dev.headroom.image;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command inside an unpacked image the way a container runtime would, without one: in a new
 * mount and PID namespace with {@code /proc} mounted (the dynamic loader needs it to resolve the
 * Java launcher's {@code $ORIGIN}), changed root, as the image's user, with exactly the given
 * environment. The network is the host's, so the test bed's API server is reachable on loopback.
 * Needs root, as CI has.
 */
final class Chroot {

  private final Path root;
  private final String user;

  Chroot(Path root, String user) {
    this.root = root;
    this.user = user;
  }

  static boolean available() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  ProcessBuilder command(List<String> command, Map<String, String> env) {
    List<String> full =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "sh",
                "-c",
                "mount -t proc proc \"$0/proc\" && exec \"$@\"",
                root.toString(),
                host("env"),
                "-i"));
    env.forEach((k, v) -> full.add(k + "=" + v));
    full.addAll(List.of(host("chroot"), "--userspec=" + user, root.toString()));
    full.addAll(command);
    return new ProcessBuilder(full).redirectErrorStream(true);
  }

  private static String host(String tool) {
    for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
      if (java.nio.file.Files.isExecutable(Path.of(dir, tool))) {
        return dir + "/" + tool;
      }
    }
    throw new IllegalStateException(tool + " not found in /usr/sbin, /usr/bin, /sbin or /bin");
  }

  /**
   * Stops a process started from {@link #command}: the command runs as the first process of its own
   * PID namespace, a child of {@code unshare}, so a signal to {@code unshare} alone leaves it
   * running as an orphan. It gets SIGTERM (a JVM runs its shutdown hooks), then SIGKILL after the
   * grace period; the namespace ends with it.
   */
  static void stop(Process process, Duration grace) throws InterruptedException {
    List<ProcessHandle> inside = process.descendants().toList();
    inside.forEach(ProcessHandle::destroy);
    process.destroy();
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle h : inside) {
      while (h.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      h.destroyForcibly();
    }
    if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      process.destroyForcibly();
    }
  }

  String run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    Process p = command(command, env).start();
    String out = new String(p.getInputStream().readAllBytes());
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException(command + " exited with " + code + ": " + out);
    }
    return out;
  }
}
