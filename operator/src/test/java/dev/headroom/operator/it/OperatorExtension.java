package dev.headroom.operator.it;

import dev.headroom.testbed.TestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** JUnit 5 extension behind {@link WithOperator}: one operator process per test class. */
public class OperatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(OperatorExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    WithOperator options =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithOperator.class)
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        context.getRequiredTestClass().getName() + " has no @WithOperator"));
    Map<String, String> env = env(options);
    TestBed bed = TestBed.shared();
    KubernetesClient admin = bed.newClient(null);
    ExtensionContext.Store store = context.getStore(STORE);
    store.put(KubernetesClient.class, admin);
    OperatorProcess.install(bed, admin);
    OperatorProcess operator = new OperatorProcess(bed, admin, env, options.log()).start();
    store.put(OperatorProcess.class, operator);
    setHandleFields(context.getRequiredTestClass(), operator);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(STORE);
    OperatorProcess operator = store.remove(OperatorProcess.class, OperatorProcess.class);
    KubernetesClient admin = store.remove(KubernetesClient.class, KubernetesClient.class);
    try {
      if (operator != null) {
        operator.close();
        setHandleFields(context.getRequiredTestClass(), null);
      }
    } finally {
      if (admin != null) {
        admin.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == OperatorProcess.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    OperatorProcess operator =
        context.getStore(STORE).get(OperatorProcess.class, OperatorProcess.class);
    if (operator == null) {
      throw new ParameterResolutionException(
          "the operator was not started: is the class annotated with @WithOperator?");
    }
    return operator;
  }

  /** Sets every static field of type {@link OperatorProcess} of the class and its superclasses. */
  private static void setHandleFields(Class<?> testClass, OperatorProcess operator) {
    for (Field field :
        ReflectionSupport.findFields(
            testClass,
            f -> Modifier.isStatic(f.getModifiers()) && f.getType() == OperatorProcess.class,
            HierarchyTraversalMode.TOP_DOWN)) {
      if (Modifier.isFinal(field.getModifiers())) {
        throw new ExtensionConfigurationException(field + " is final: @WithOperator cannot set it");
      }
      try {
        field.setAccessible(true);
        field.set(null, operator);
      } catch (IllegalAccessException e) {
        throw new ExtensionConfigurationException("cannot set " + field, e);
      }
    }
  }

  /** {@link WithOperator#env()} as a map; an entry without {@code =} is a configuration error. */
  static Map<String, String> env(WithOperator options) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : options.env()) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ExtensionConfigurationException(
            "@WithOperator env entry '" + entry + "' is not NAME=value");
      }
      env.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return env;
  }
}
