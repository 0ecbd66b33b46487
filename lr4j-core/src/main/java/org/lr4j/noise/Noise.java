package org.lr4j.noise;

import org.lr4j.internal.Checks;

/**
 * timm's learning-rate noise: at every {@code t} in {@link NoiseRange}, a value drawn from a fresh
 * PyTorch generator seeded with {@code noise_seed + t}, applied to every group as
 * {@code v + v * noise} (one noise for all groups).
 *
 * <ul>
 *   <li>normal: draw {@code n = randn()} until {@code |n| < noise_pct}; the noise is {@code n};</li>
 *   <li>uniform: {@code 2 * (rand() - 0.5) * noise_pct}.</li>
 * </ul>
 *
 * <p>Example (asserted by the tests): seed 42, {@code noise_pct = 0.67}, normal: the noise at
 * {@code t = 0} is {@code 0.33669036626815796}.
 *
 * <p>{@code noise_std} is accepted and stored, and has no effect, as in timm. Immutable and
 * thread-safe: each sample is drawn from its own freshly seeded generator, computed in local variables
 * ({@link TorchGenerator#firstNormalBelow(long, double)}, {@link TorchGenerator#firstRand(long)}), so a
 * sample allocates nothing.
 */
public final class Noise {
    /**
     * The smallest {@code noise_pct} normal noise accepts: timm draws about {@code 1.25 / noise_pct}
     * samples per step, so a smaller bound would make a step spin (for ever at 0).
     */
    public static final double MIN_NORMAL_PCT = 1e-4;

    /** No noise at all. */
    public static final Noise NONE = new Noise(NoiseRange.none(), NoiseType.NORMAL, 0.67, 1.0, 42);

    private final NoiseRange range;
    private final NoiseType type;
    private final double pct;
    private final double std;
    private final long seed;

    private Noise(NoiseRange range, NoiseType type, double pct, double std, long seed) {
        this.range = range;
        this.type = type;
        this.pct = pct;
        this.std = std;
        this.seed = seed;
    }

    /**
     * Noise over {@code range}.
     *
     * @param range where noise applies
     * @param type normal or uniform
     * @param pct {@code noise_pct}: in {@code [1e-4, 1]} for normal noise (timm redraws until
     *     {@code |n| < noise_pct}, about {@code 1.25 / noise_pct} draws: forever at 0 or below, for
     *     minutes per step when tiny), in {@code [0, 1]} for uniform; above 1 the noise could make a
     *     learning rate negative
     * @param std {@code noise_std}: stored, without effect as in timm; must be finite
     * @param seed {@code noise_seed}
     * @return the noise settings
     * @throws IllegalArgumentException when a value breaks the rules above
     */
    public static Noise of(NoiseRange range, NoiseType type, double pct, double std, long seed) {
        Checks.notNull("noise_range_t", range);
        Checks.notNull("noise_type", type);
        if (type == NoiseType.NORMAL) {
            Checks.between("noise_pct", pct, MIN_NORMAL_PCT, 1.0, " for normal noise");
        } else {
            Checks.between("noise_pct", pct, 0.0, 1.0, " for uniform noise");
        }
        Checks.finite("noise_std", std);
        return new Noise(range, type, pct, std, seed);
    }

    /**
     * Whether noise applies at {@code t}.
     *
     * @param t the epoch or update count
     * @return whether {@code t} is in {@code noise_range_t}
     */
    public boolean appliesAt(long t) {
        return range.contains(t);
    }

    /**
     * The noise value at {@code t} (whether or not it applies there): about 400 dependent integer
     * multiplications to seed the generator, then one Box-Muller transform; no allocation.
     *
     * @param t the epoch or update count; the generator is seeded with {@code noise_seed + t}
     * @return the relative noise: normal noise redrawn until below {@code noise_pct} in absolute value,
     *     or uniform noise in {@code [-noise_pct, noise_pct)}
     */
    public double sample(long t) {
        if (type == NoiseType.NORMAL) {
            return TorchGenerator.firstNormalBelow(seed + t, pct);
        }
        return 2 * ((double) TorchGenerator.firstRand(seed + t) - 0.5) * pct;
    }

    /** {@return {@code noise_range_t}} */
    public NoiseRange range() {
        return range;
    }

    /** {@return {@code noise_type}} */
    public NoiseType type() {
        return type;
    }

    /** {@return {@code noise_pct}} */
    public double pct() {
        return pct;
    }

    /** {@return {@code noise_std} (no effect, as in timm)} */
    public double std() {
        return std;
    }

    /** {@return {@code noise_seed}} */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "Noise{range=" + range + ", type=" + type.timmName() + ", pct=" + pct + ", seed=" + seed + "}";
    }
}
