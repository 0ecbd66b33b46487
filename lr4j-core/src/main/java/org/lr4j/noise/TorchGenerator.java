package org.lr4j.noise;

import org.lr4j.internal.Checks;
/**
 * PyTorch's CPU random generator ({@code torch.Generator()} on the CPU), reproduced bit for bit for the
 * calls timm's noise makes.
 *
 * <ul>
 *   <li>Engine: 32-bit Mersenne Twister MT19937, seeded with {@code seed & 0xFFFFFFFF} by
 *       {@code mt[i] = 1812433253 * (mt[i-1] ^ (mt[i-1] >>> 30)) + i}.</li>
 *   <li>{@link #random64()}: two outputs {@code hi}, {@code lo}: {@code (hi << 32) | lo}.</li>
 *   <li>{@link #uniformDouble()}: {@code (random64() & (2^53 - 1)) * 2^-53}.</li>
 *   <li>{@link #randn()} ({@code torch.randn(1, generator=g)}): Box-Muller on two uniform doubles
 *       {@code u1}, {@code u2}: {@code r = sqrt(-2 log1p(-u2))}, {@code theta = 2 pi u1}; returns
 *       {@code r cos(theta)} as float32 and caches {@code r sin(theta)} for the next call.</li>
 *   <li>{@link #rand()} ({@code torch.rand(1, generator=g)}): {@code (next32() & (2^24 - 1)) * 2^-24}.</li>
 * </ul>
 *
 * <p>Example (asserted by the tests): seed 42 gives {@code randn() = 0.33669036626815796}; seed 7 gives
 * {@code -0.1467950940132141, 0.7861412763595581, 0.9468216300010681, -1.1143440008163452}.
 *
 * <p>The state words are produced lazily: a freshly seeded generator computes only the initial words
 * its first outputs depend on (output {@code k < 227} needs words {@code k}, {@code k+1} and
 * {@code k+397}), so timm's one-noise-per-step use costs about 400 multiply steps instead of a full
 * 624-word initialisation and twist. Not thread-safe: one generator per thread.
 *
 * <p>timm draws one noise per step from a fresh generator; {@link #firstNormalBelow(long, double)} and
 * {@link #firstRand(long)} do exactly that without any generator object: they compute the few state
 * words in local variables (no allocation) and give the same values, bit for bit.
 */
public final class TorchGenerator {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final double TWO_POW_M53 = 0x1.0p-53;
    private static final float TWO_POW_M24 = 0x1.0p-24f;

    private final int[] mt = new int[N];
    /** Number of words of {@code mt} holding their initial (seeded) value or later. */
    private int initialised;
    /** Index of the next output; outputs below it come from twisted words. */
    private int index;
    /** Number of words twisted in the current generation. */
    private int twisted;
    private double cachedNormal;
    private boolean hasCachedNormal;

    /**
     * A generator seeded as {@code torch.Generator().manual_seed(seed)}.
     *
     * @param seed the seed; as PyTorch, only its low 32 bits seed the Mersenne Twister
     */
    public TorchGenerator(long seed) {
        reseed(seed);
    }

    /**
     * Re-seeds in place, as {@code manual_seed(seed)}: drops the cached normal sample too.
     *
     * @param seed the seed, as for {@link #TorchGenerator(long)}
     */
    public void reseed(long seed) {
        mt[0] = (int) seed;
        initialised = 1;
        index = 0;
        twisted = 0;
        hasCachedNormal = false;
    }

    private void initialiseTo(int upTo) {
        int i = initialised;
        int prev = mt[i - 1];
        for (; i <= upTo; i++) {
            prev = seedStep(prev, i);
            mt[i] = prev;
        }
        initialised = i;
    }

    private void twistWord(int i) {
        int y = (mt[i] & UPPER_MASK) | (mt[(i + 1) % N] & LOWER_MASK);
        mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }

    /** {@return the next 32-bit output of MT19937, as an unsigned value in an {@code int}} */
    public int next32() {
        if (index == N) {
            index = 0;
            twisted = 0;
        }
        int i = index++;
        if (twisted <= i) {
            // twist words in order up to i; word i needs the initial words i+1 and i+397 (mod 624)
            int need = Math.min(N - 1, i + M);
            if (initialised <= need) {
                initialiseTo(i + M >= N ? N - 1 : need);
            }
            if (i + 1 >= initialised) {
                initialiseTo(N - 1);
            }
            while (twisted <= i) {
                twistWord(twisted++);
            }
        }
        return temper(mt[i]);
    }

    /** {@return two outputs as one 64-bit value: {@code (hi << 32) | lo}} */
    public long random64() {
        long hi = next32() & 0xFFFFFFFFL;
        long lo = next32() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    /** {@return a double in {@code [0, 1)} from 53 random bits} */
    public double uniformDouble() {
        return (random64() & ((1L << 53) - 1)) * TWO_POW_M53;
    }

    /** {@return {@code torch.randn(1, generator=g).item()}: one standard normal sample, rounded to float32} */
    public float randn() {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return (float) cachedNormal;
        }
        double u1 = uniformDouble();
        double u2 = uniformDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log1p(-u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = r * StrictMath.sin(theta);
        hasCachedNormal = true;
        return (float) (r * StrictMath.cos(theta));
    }

    /** {@return {@code torch.rand(1, generator=g).item()}: a float32 in {@code [0, 1)} from 24 random bits} */
    public float rand() {
        return (next32() & 0xFFFFFF) * TWO_POW_M24;
    }

    /**
     * The first {@link #randn()} sample {@code n} with {@code |n| < bound} of a generator freshly seeded
     * with {@code seed}: timm's normal noise,
     * {@code g = Generator().manual_seed(seed); while True: n = randn(g); if abs(n) < bound: return n}.
     * Equal, bit for bit, to the same loop over {@code new TorchGenerator(seed).randn()}; allocates
     * nothing unless more than 112 samples are rejected (then it runs that loop).
     *
     * <p>Example (asserted by the tests): {@code firstNormalBelow(42, 0.67) = 0.33669036626815796}.
     *
     * @param seed the seed ({@code manual_seed}; only its low 32 bits matter)
     * @param bound the exclusive bound on {@code |n|}
     * @return the first accepted sample, a float32 widened to double
     * @throws IllegalArgumentException when {@code bound} is not {@code > 0} (the loop would never end)
     */
    public static double firstNormalBelow(long seed, double bound) {
        if (!(bound > 0)) {
            throw Checks.invalid("bound", "be > 0", bound);
        }
        int s = (int) seed;
        int lo = s; // initial word k (k = 0, 4, 8, ...)
        int hi = seedWord397(s); // initial word k + 397
        // outputs k..k+3 (one randn pair) need the initial words k..k+4 and k+397..k+400; past output
        // 226 the twist reads twisted words, which the full generator handles
        for (int k = 0; k + 3 < N - M; k += 4) {
            int w0 = lo;
            int w1 = seedStep(w0, k + 1);
            int w2 = seedStep(w1, k + 2);
            int w3 = seedStep(w2, k + 3);
            int w4 = seedStep(w3, k + 4);
            int h0 = hi;
            int h1 = seedStep(h0, k + M + 1);
            int h2 = seedStep(h1, k + M + 2);
            int h3 = seedStep(h2, k + M + 3);
            hi = seedStep(h3, k + M + 4);
            lo = w4;
            double u1 = uniform53(output(w0, w1, h0), output(w1, w2, h1));
            double u2 = uniform53(output(w2, w3, h2), output(w3, w4, h3));
            double r = StrictMath.sqrt(-2.0 * StrictMath.log1p(-u2));
            double theta = 2.0 * Math.PI * u1;
            double n = (float) (r * StrictMath.cos(theta));
            if (Math.abs(n) < bound) {
                return n;
            }
            n = (float) (r * StrictMath.sin(theta));
            if (Math.abs(n) < bound) {
                return n;
            }
        }
        TorchGenerator g = new TorchGenerator(seed);
        while (true) {
            double n = g.randn();
            if (Math.abs(n) < bound) {
                return n;
            }
        }
    }

    /**
     * The first {@link #rand()} of a generator freshly seeded with {@code seed}, as
     * {@code new TorchGenerator(seed).rand()}, without allocating.
     *
     * @param seed the seed ({@code manual_seed}; only its low 32 bits matter)
     * @return a float32 in {@code [0, 1)}
     */
    public static float firstRand(long seed) {
        int s = (int) seed;
        return (output(s, seedStep(s, 1), seedWord397(s)) & 0xFFFFFF) * TWO_POW_M24;
    }

    /** One step of the seeding recurrence: initial word {@code i} from word {@code i - 1}. */
    static int seedStep(int previous, int i) {
        return 1812433253 * (previous ^ (previous >>> 30)) + i;
    }

    /**
     * Initial word 397 of a generator seeded with {@code s}: 397 dependent steps of
     * {@link #seedStep(int, int)}, the floor of a fresh generator's first output.
     *
     * <p>Each step is {@code x = m + i} with {@code m = 1812433253 * z}, then
     * {@code z = x ^ (x >>> 30)}. The loop shortens the chain by one instruction per step: it takes the
     * top two bits from {@code m} instead of {@code m + i}, which is exact unless adding {@code i}
     * carries into bit 30. It records whether that ever happened (for about 1 seed in 12,000) and then
     * recomputes the word the plain way, so the result is always exact.
     */
    static int seedWord397(int s) {
        int z = s ^ (s >>> 30);
        int m = 0;
        int carried = 0;
        for (int i = 1; i <= M; i++) {
            m = 1812433253 * z;
            int x = m + i;
            carried |= x ^ m;
            z = x ^ (m >>> 30);
        }
        if ((carried >>> 30) == 0) {
            return m + M;
        }
        return seedWord397Plain(s);
    }

    /** {@link #seedWord397(int)} by the plain recurrence. */
    static int seedWord397Plain(int s) {
        int x = s;
        for (int i = 1; i <= M; i++) {
            x = seedStep(x, i);
        }
        return x;
    }

    /**
     * Output {@code k < 227} of a freshly seeded generator: twisted word {@code k} (from the initial
     * words {@code k}, {@code k + 1} and {@code k + 397}), tempered.
     */
    private static int output(int wordK, int wordK1, int wordK397) {
        int y = (wordK & UPPER_MASK) | (wordK1 & LOWER_MASK);
        return temper(wordK397 ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A));
    }

    private static int temper(int word) {
        int y = word;
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code uniform_double} from two outputs: {@code ((hi << 32 | lo) & (2^53 - 1)) * 2^-53}. */
    private static double uniform53(int hi, int lo) {
        return ((((long) hi & 0x1FFFFF) << 32) | (lo & 0xFFFFFFFFL)) * TWO_POW_M53;
    }
}
