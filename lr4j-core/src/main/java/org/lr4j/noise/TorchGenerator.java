package org.lr4j.noise;

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

    /** A generator seeded as {@code torch.Generator().manual_seed(seed)}. */
    public TorchGenerator(long seed) {
        reseed(seed);
    }

    /** Re-seeds in place, as {@code manual_seed(seed)}: drops the cached normal sample too. */
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
            prev = 1812433253 * (prev ^ (prev >>> 30)) + i;
            mt[i] = prev;
        }
        initialised = i;
    }

    private void twistWord(int i) {
        int y = (mt[i] & UPPER_MASK) | (mt[(i + 1) % N] & LOWER_MASK);
        mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }

    /** The next 32-bit output of MT19937, as an unsigned value in an {@code int}. */
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
        int y = mt[i];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** Two outputs as one 64-bit value: {@code (hi << 32) | lo}. */
    public long random64() {
        long hi = next32() & 0xFFFFFFFFL;
        long lo = next32() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    /** A double in {@code [0, 1)} from 53 random bits. */
    public double uniformDouble() {
        return (random64() & ((1L << 53) - 1)) * TWO_POW_M53;
    }

    /** {@code torch.randn(1, generator=g).item()}: one standard normal sample, rounded to float32. */
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

    /** {@code torch.rand(1, generator=g).item()}: a float32 in {@code [0, 1)} from 24 random bits. */
    public float rand() {
        return (next32() & 0xFFFFFF) * TWO_POW_M24;
    }
}
