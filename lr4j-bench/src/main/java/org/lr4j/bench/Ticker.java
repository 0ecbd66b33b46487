package org.lr4j.bench;

/**
 * The {@code t} a benchmark passes to its scheduler: it advances by one on every call and wraps from
 * {@code end} back to {@code start}, so that a run of any length stays inside the range it is meant to
 * measure (for instance the first cycle, where the value is computed, rather than the constant
 * {@code lr_min} after the last cycle). Not thread-safe: one per benchmark state.
 */
final class Ticker {
    private final long start;
    private final long end;
    private long t;

    /**
     * @param start the first {@code t}
     * @param end the {@code t} that wraps back to {@code start} (exclusive)
     * @throws IllegalArgumentException when {@code end <= start} or {@code start < 0}
     */
    Ticker(long start, long end) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("ticker range must be 0 <= start < end, got [" + start + ", " + end + ")");
        }
        this.start = start;
        this.end = end;
        this.t = start;
    }

    /** The current {@code t}, then advances. */
    long next() {
        long now = t;
        long n = now + 1;
        t = n == end ? start : n;
        return now;
    }
}
