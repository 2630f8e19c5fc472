package dev.headroom.operator.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The durable audit trail: one JSON object per decision, on one line, in the log category {@value
 * #CATEGORY}, with every input and the outcome. A log pipeline keeps it as long as it keeps logs;
 * nothing in it is shortened.
 */
public final class JsonDecisionLog implements DecisionRecorder {

  public static final String CATEGORY = "dev.headroom.decisions";

  private final ObjectWriter writer;
  private final Consumer<String> sink;

  public JsonDecisionLog(Consumer<String> sink) {
    this.writer =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .writer();
    this.sink = sink;
  }

  /** Writes to the log category {@value #CATEGORY} at INFO. */
  public static JsonDecisionLog toLog() {
    Logger log = Logger.getLogger(CATEGORY);
    return new JsonDecisionLog(log::info);
  }

  @Override
  public void recorded(DecisionEntry entry) {
    sink.accept(line(entry));
  }

  /** The entry as one line of JSON. */
  public String line(DecisionEntry entry) {
    try {
      return writer.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a decision entry could not be written as JSON", e);
    }
  }
}
