package dev.headroom.engine.model;

import java.time.Duration;

/**
 * A recurring window that raises the replica floor.
 *
 * @param name unique within the policy, used in reasons
 * @param cron standard 5-field cron expression (minute hour day-of-month month day-of-week)
 * @param timeZone IANA zone id the cron expression is read in, e.g. {@code Europe/Berlin}
 * @param duration how long the window stays open after each start
 * @param leadTime how long before each start the floor is already raised (pre-scaling)
 * @param minReplicas the floor while the window is open or about to open
 */
public record ScheduleSpec(
    String name,
    String cron,
    String timeZone,
    Duration duration,
    Duration leadTime,
    int minReplicas) {}
