package dev.headroom.testbed.process;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listening TCP sockets as {@code ss} reports them: a port counts as busy whatever address it
 * is bound to, and {@code ss -p} names its owner when this user may see it.
 */
public final class ListeningSockets implements PortCheck {

  private static final Pattern OWNER = Pattern.compile("users:\\(\\((\"[^\"]*\",pid=[0-9]+)");

  @Override
  public boolean busy(int port) {
    return !Command.run(List.of("ss", "-Htln", "sport = :" + port)).output().isBlank();
  }

  @Override
  public Optional<String> owner(int port) {
    return ownerIn(Command.run(List.of("ss", "-Htlnp", "sport = :" + port)).output());
  }

  /** The first {@code "name",pid=N} of an {@code ss -p} listing. */
  static Optional<String> ownerIn(String ssOutput) {
    Matcher m = OWNER.matcher(ssOutput);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
