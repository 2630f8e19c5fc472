package dev.headroom.operator.it;

import dev.headroom.testbed.TestBedExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the packaged operator ({@link OperatorProcess}) for the whole test class: the CRDs and the
 * chart's RBAC are installed and the operator is started once before the class's {@code BeforeAll}
 * methods, and stopped (SIGTERM) after its {@code AfterAll} methods, before the test bed deletes
 * the class's namespace. Test, lifecycle and constructor parameters of type {@link OperatorProcess}
 * receive it, and so does a static field of that type (set before the class's {@code BeforeAll}
 * methods, cleared after the operator stopped), for helpers that need it.
 *
 * <p>Implies the test bed ({@link TestBedExtension}); a class that needs Prometheus or PostgreSQL
 * up front still says so with {@code @WithTestBed}. Classes that restart, kill or run several
 * operators use {@link OperatorProcess} directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({TestBedExtension.class, OperatorExtension.class})
public @interface WithOperator {

  /** The operator's log, {@code target/<log>.log}; appended to across runs. */
  String log();

  /**
   * Environment of the operator on top of {@link OperatorProcess}'s defaults, each {@code
   * NAME=value}, e.g. {@code HEADROOM_PROMETHEUS_TIMEOUT=1s}.
   */
  String[] env() default {};
}
