package dev.headroom.testbed;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link WithTestBed}.
 *
 * <ul>
 *   <li>brings the test bed up once per JVM ({@link TestBed#shared()}), and down at the end of the
 *       run if this JVM brought it up;
 *   <li>gives each test class a fresh namespace, labelled {@code headroom.dev/test-class}, and
 *       deletes it after the class;
 *   <li>resolves parameters of type {@link KubernetesClient} (cluster-admin, default namespace =
 *       the class's namespace), {@link TestNamespace}, {@link TestBed}, {@link Prometheus} and
 *       {@link Postgres}.
 * </ul>
 */
public class TestBedExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(TestBedExtension.class);
  private static final String NAMESPACE_LABEL = "headroom.dev/test-class";

  @Override
  public void beforeAll(ExtensionContext context) {
    TestBed bed = bed(context);
    ExtensionContext.Store store = context.getStore(STORE);
    String namespace = namespaceName(context.getRequiredTestClass());
    KubernetesClient client = bed.newClient(namespace);
    store.put(KubernetesClient.class, client);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(namespace)
                .addToLabels(
                    NAMESPACE_LABEL, labelValue(context.getRequiredTestClass().getSimpleName()))
                .endMetadata()
                .build())
        .create();
    store.put(TestNamespace.class, new TestNamespace(namespace));

    Optional<WithTestBed> options = options(context);
    if (options.map(WithTestBed::prometheus).orElse(false)) {
      bed.prometheus();
    }
    if (options.map(WithTestBed::postgres).orElse(false)) {
      bed.postgres(options.get().postgresMaxConnections());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(STORE);
    KubernetesClient client = store.remove(KubernetesClient.class, KubernetesClient.class);
    TestNamespace namespace = store.remove(TestNamespace.class, TestNamespace.class);
    if (client == null) {
      return;
    }
    try {
      if (namespace != null) {
        client.namespaces().withName(namespace.name()).delete();
      }
    } finally {
      client.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class
        || type == TestNamespace.class
        || type == TestBed.class
        || type == Prometheus.class
        || type == Postgres.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == TestBed.class) {
      return bed(context);
    }
    if (type == Prometheus.class) {
      return bed(context).prometheus();
    }
    if (type == Postgres.class) {
      int maxConnections = options(context).map(WithTestBed::postgresMaxConnections).orElse(100);
      return bed(context).postgres(maxConnections);
    }
    Object value = classStore(context).get(type, type);
    if (value == null) {
      throw new ParameterResolutionException(
          type.getSimpleName()
              + " is only available in a class extended with "
              + TestBedExtension.class.getSimpleName());
    }
    return value;
  }

  /** The JVM-wide test bed, closed (brought down if we brought it up) when the whole run ends. */
  private static TestBed bed(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(STORE)
        .getOrComputeIfAbsent(Closer.class, key -> new Closer(TestBed.shared()), Closer.class)
        .bed;
  }

  /**
   * The store of the test class around {@code context} (parameters of methods and constructors).
   */
  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current.getStore(STORE);
  }

  private static Optional<WithTestBed> options(ExtensionContext context) {
    return context
        .getTestClass()
        .flatMap(c -> AnnotationSupport.findAnnotation(c, WithTestBed.class));
  }

  /** A DNS-1123 label: {@code t-<class>-<6 hex>}, at most 63 characters. */
  static String namespaceName(Class<?> testClass) {
    String base =
        labelValue(testClass.getSimpleName())
            .toLowerCase(Locale.ROOT)
            .replace('_', '-')
            .replace('.', '-');
    base = base.replaceAll("^-+|-+$", "");
    if (base.length() > 48) {
      base = base.substring(0, 48).replaceAll("-+$", "");
    }
    String suffix = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    return "t-" + (base.isEmpty() ? "" : base + "-") + suffix;
  }

  /**
   * A label value: letters, digits, '-', '_', '.', at most 63 characters, alphanumeric at both
   * ends.
   */
  static String labelValue(String text) {
    String value = text.replaceAll("[^A-Za-z0-9_.-]", "-");
    if (value.length() > 63) {
      value = value.substring(0, 63);
    }
    return value.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
  }

  /** Closes the test bed when JUnit closes the root store at the end of the run. */
  private record Closer(TestBed bed) implements AutoCloseable {
    @Override
    public void close() {
      bed.close();
    }
  }
}
