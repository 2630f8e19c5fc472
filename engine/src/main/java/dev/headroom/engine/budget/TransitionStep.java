package dev.headroom.engine.budget;

/**
 * One consumer's change within a phase of a {@link TransitionPlan}.
 *
 * @param phase the phase; all steps of a phase may run at once, and the host waits until it has
 *     observed every step of a phase done before it starts the next phase
 * @param kind shrink or grow
 * @param consumerId the policy
 * @param fromReplicas replicas before the step
 * @param toReplicas replicas after the step
 * @param fromPool pool before the step
 * @param toPool pool after the step
 * @param trimmed the grow was cut short to fit the budget
 */
public record TransitionStep(
    int phase,
    StepKind kind,
    String consumerId,
    int fromReplicas,
    int toReplicas,
    int fromPool,
    int toPool,
    boolean trimmed) {}
