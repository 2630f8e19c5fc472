package dev.headroom.testbed.process;

import java.util.Optional;

/** Which local TCP ports something listens on. */
public interface PortCheck {

  /** Something listens on {@code port} (on any address). */
  boolean busy(int port);

  /** Who listens on {@code port}, as {@code "name",pid=N}, if that can be told. */
  Optional<String> owner(int port);
}
