package dev.headroom.testbed.process;

import java.util.ArrayList;
import java.util.List;

/** Whether a component answers yet; asked again and again until it does. */
@FunctionalInterface
public interface ReadinessProbe {

  boolean ready();

  /** Ready when {@code command} exits with 0. */
  static ReadinessProbe command(List<String> command) {
    List<String> copy = List.copyOf(command);
    return () -> Command.succeeds(copy);
  }

  /**
   * Ready when {@code curl} gets a 2xx from {@code url} within 2 s; {@code curlOptions} add TLS
   * options or another {@code --max-time} (the last one counts).
   */
  static ReadinessProbe http(String url, String... curlOptions) {
    List<String> command = new ArrayList<>(List.of("curl", "-sf", "--max-time", "2"));
    command.addAll(List.of(curlOptions));
    command.add(url);
    return command(command);
  }
}
