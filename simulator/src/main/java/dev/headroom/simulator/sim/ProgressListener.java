package dev.headroom.simulator.sim;

/** Told how far a run has come; the CLI shows a progress bar with it. */
public interface ProgressListener {

  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void start(String title, long steps) {}

        @Override
        public void advance(long steps) {}

        @Override
        public void done() {}
      };

  void start(String title, long steps);

  void advance(long steps);

  void done();
}
