package dev.headroom.operator.docs;

import java.util.Optional;

/**
 * One operator setting as the configuration reference shows it.
 *
 * @param name the property name, e.g. {@code headroom.sync-period}
 * @param type the kind of value: duration, integer, boolean or string
 * @param defaultValue the value used when nothing sets it; empty: unset
 * @param meaning the setting's Javadoc in Markdown, on one line; empty when it has none
 */
record ConfigSetting(String name, String type, Optional<String> defaultValue, String meaning) {

  /**
   * The environment variable SmallRye Config reads for the setting: the name upper-cased, with
   * every character other than a letter or a digit turned into {@code _}.
   */
  String environmentVariable() {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }

  ConfigSetting withDefault(String value) {
    return new ConfigSetting(name, type, Optional.of(value), meaning);
  }
}
