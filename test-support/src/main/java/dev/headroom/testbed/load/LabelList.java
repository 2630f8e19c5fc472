package dev.headroom.testbed.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels as the command line gives them: {@code k=v,k=v}; a value may contain {@code =}. */
public final class LabelList {

  private LabelList() {}

  /** The labels in {@code text}, in order; empty text means none. A repeated name is an error. */
  public static Map<String, String> parse(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return labels;
    }
    for (String pair : text.split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("label '" + pair + "' is not key=value");
      }
      String name = pair.substring(0, eq);
      if (labels.put(name, pair.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("label " + name + " is given twice in '" + text + "'");
      }
    }
    return labels;
  }
}
