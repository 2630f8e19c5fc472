package dev.headroom.testbed.pki;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.process.Command;
import dev.headroom.testbed.process.CommandResult;
import java.util.ArrayList;
import java.util.List;

/** The openssl command line tool, run once per step; a failed step names itself. */
final class Openssl {

  private Openssl() {}

  static void run(String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    CommandResult result = Command.run(command);
    if (!result.ok()) {
      throw new TestBedException(
          "openssl "
              + args[0]
              + " failed: "
              + result.output().strip().lines().reduce((a, b) -> b).orElse(""));
    }
  }

  static void require() {
    if (!Command.succeeds(List.of("openssl", "version"))) {
      throw new TestBedException("openssl is not installed; run scripts/install-deps");
    }
  }
}
