package dev.headroom.operator.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Makes the Kubernetes client's JSON reader share equal string values ({@link CanonicalStrings}) in
 * every object it reads: watch events, lists and the answers of writes.
 */
@Singleton
public class SharedStringsCustomizer implements KubernetesClientObjectMapperCustomizer {

  /** Enough for the repeated values of 10,000 policies (about 8 MiB of table when full). */
  static final int CAPACITY = 200_000;

  static final int MAX_LENGTH = 128;

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(module(new CanonicalStrings(CAPACITY, MAX_LENGTH)));
  }

  static SimpleModule module(CanonicalStrings strings) {
    SimpleModule module = new SimpleModule("headroom-shared-strings");
    module.addDeserializer(String.class, new CanonicalStringDeserializer(strings));
    return module;
  }
}
