package dev.headroom.testbed.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What /proc says about a pid: whether it lives (a zombie does not) and its executable. */
public final class ProcessState {

  private ProcessState() {}

  /** The pid exists and is no zombie. */
  public static boolean running(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // pid (comm) STATE ...; comm may hold spaces and parentheses, the state follows the last ')'
      String afterComm = stat.substring(stat.lastIndexOf(')') + 1).strip();
      return !afterComm.startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }

  /** The executable the pid runs, without a " (deleted)" suffix. */
  public static Optional<String> executable(long pid) {
    try {
      String exe = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).toString();
      return Optional.of(exe.endsWith(" (deleted)") ? exe.substring(0, exe.length() - 10) : exe);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }
}
