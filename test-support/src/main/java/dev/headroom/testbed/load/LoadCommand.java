package dev.headroom.testbed.load;

import java.nio.file.Path;

/**
 * {@code scripts/testbed load METRIC VALUE [k=v,...]}: sets one live value in the load directory.
 *
 * <pre>java -cp ... dev.headroom.testbed.load.LoadCommand DIR METRIC VALUE [k=v,...]</pre>
 */
public final class LoadCommand {

  private LoadCommand() {}

  public static void main(String[] args) {
    if (args.length < 3 || args.length > 4) {
      System.err.println("testbed: usage: testbed load METRIC VALUE [key=value,...]");
      System.exit(2);
    }
    try {
      Series series = Series.parse(args[1], args.length == 4 ? args[3] : "");
      new LoadDirectory(Path.of(args[0])).set(series, SampleValue.parse(args[2]));
    } catch (IllegalArgumentException e) {
      System.err.println("testbed: " + e.getMessage());
      System.exit(1);
    }
  }
}
