package dev.headroom.operator.docs;

import java.util.List;

/**
 * The settings of one config mapping interface: those directly under {@code prefix}, with the
 * interface's Javadoc as {@code intro} (Markdown, possibly empty).
 */
record ConfigSection(String prefix, String intro, List<ConfigSetting> settings) {

  ConfigSection {
    settings = List.copyOf(settings);
  }
}
