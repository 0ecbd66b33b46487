package org.lr4j.schedule;

/**
 * The speed-ups of stepping, in one place: each evaluator here computes, for every group at once, the
 * same doubles as the schedule's {@link Schedule#value(long, double)} for each group, with the work that
 * does not depend on the group (the cycle, the transcendental factor, the warmup increment) done once
 * per step, and the current cycle remembered between steps. The schedules' classes read as their
 * formulas; {@code FastPathTest} asserts that both paths agree bit for bit.
 */
final class FastPaths {
    private FastPaths() {
    }

    /**
     * Every group's value at {@code t} at once, the same doubles as {@code schedule.value(t, base[g])}:
     * what a time-driven scheduler evaluates at each step. An implementation may keep state between
     * calls (the current cycle): one thread at a time.
     */
    interface GroupValues {
        /** Writes every group's value at {@code t} into {@code out}. */
        void values(long t, double[] out);
    }

    /**
     * The fastest evaluator of {@code schedule} for groups with base rates {@code base} (the array is
     * read at every step, so later changes to it are seen).
     */
    static GroupValues bind(Schedule schedule, double[] base) {
        if (schedule instanceof Cycles c) {
            return c.bind(base);
        }
        if (schedule instanceof Warmup w) {
            return w.bind(base);
        }
        return (t, out) -> {
            for (int g = 0; g < base.length; g++) {
                out[g] = schedule.value(t, base[g]);
            }
        };
    }
}
