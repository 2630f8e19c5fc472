package dev.headroom.testbed.process;

/** What a finished command did: its exit code and its output (stdout and stderr together). */
public record CommandResult(int exitCode, String output) {

  public boolean ok() {
    return exitCode == 0;
  }
}
