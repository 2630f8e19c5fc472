package dev.headroom.testbed;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the local test bed (see {@link TestBedExtension}): the control plane
 * is brought up once per JVM, the class gets a fresh namespace, and test or constructor parameters
 * of type {@code KubernetesClient}, {@link TestNamespace}, {@link TestBed}, {@link Prometheus} and
 * {@link Postgres} are resolved.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestBedExtension.class)
public @interface WithTestBed {

  /**
   * Start Prometheus before the class (it is also started on first use of a {@link Prometheus}).
   */
  boolean prometheus() default false;

  /** Start PostgreSQL before the class (it is also started on first use of a {@link Postgres}). */
  boolean postgres() default false;

  /** {@code max_connections} for PostgreSQL; another value restarts it empty. */
  int postgresMaxConnections() default 100;
}
