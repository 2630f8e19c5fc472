package dev.headroom.simulator.cli;

import dev.headroom.engine.model.ApiDurations;
import java.time.Duration;
import picocli.CommandLine;

/** Durations on the command line in the API's format: {@code 30s}, {@code 2m}, {@code 250ms}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return ApiDurations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
