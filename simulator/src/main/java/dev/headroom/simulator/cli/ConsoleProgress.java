package dev.headroom.simulator.cli;

import dev.headroom.simulator.sim.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for runs long enough to notice (from {@link #MIN_STEPS}
 * simulation steps, about a week of trace at the default 15 s step).
 */
final class ConsoleProgress implements ProgressListener {

  static final long MIN_STEPS = 40_000;

  private ProgressBar bar;

  @Override
  public void start(String title, long steps) {
    if (steps < MIN_STEPS) {
      return;
    }
    bar =
        new ProgressBarBuilder()
            .setTaskName("simulating")
            .setInitialMax(steps)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(250)
            .setUnit(" steps", 1)
            .build();
  }

  @Override
  public void advance(long steps) {
    if (bar != null) {
      bar.stepBy(steps);
    }
  }

  @Override
  public void done() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
