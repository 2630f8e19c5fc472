package dev.headroom.simulator.cli;

import dev.headroom.simulator.input.ManifestException;
import dev.headroom.simulator.input.TraceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code headroom}: the command-line entry point; {@code simulate} and {@code forecast} are its
 * subcommands.
 */
@Command(
    name = "headroom",
    mixinStandardHelpOptions = true,
    versionProvider = HeadroomCli.Version.class,
    description = "Headroom command-line tools.",
    subcommands = {SimulateCommand.class, ForecastCommand.class, CommandLine.HelpCommand.class})
public final class HeadroomCli implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new HeadroomCli());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof TraceException
              || e instanceof ManifestException
              || e instanceof IllegalArgumentException
              || e instanceof java.io.IOException
              || e instanceof java.io.UncheckedIOException) {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
          }
          throw e;
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = HeadroomCli.class.getPackage().getImplementationVersion();
      return new String[] {"headroom " + (v == null ? "(development build)" : v)};
    }
  }
}
