package dev.headroom.testbed.postgres;

import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.process.Command;
import dev.headroom.testbed.process.ReadinessProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PostgreSQL's client programs against the test bed: {@code pg_isready} and {@code psql}. */
public record PostgresTools(Binaries bin) {

  /** {@code pg_isready} against 127.0.0.1:{@code port}, database {@code database} if given. */
  public ReadinessProbe isReady(int port, String... database) {
    List<String> command =
        new ArrayList<>(
            List.of(
                bin.pg("pg_isready").toString(),
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port)));
    for (String db : database) {
      command.add("-d");
      command.add(db);
    }
    command.add("-t");
    command.add("1");
    return ReadinessProbe.command(command);
  }

  /** Runs one SQL statement as superuser postgres; its output goes to {@code log}. */
  public boolean psql(int port, String sql, Path log) {
    return Command.run(
            List.of(
                bin.pg("psql").toString(),
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql),
            Map.of(),
            log)
        .ok();
  }
}
