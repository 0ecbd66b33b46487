package org.lr4j.noise;

import org.lr4j.internal.Checks;
/** timm's {@code noise_type}: how a noise value is drawn. */
public enum NoiseType {
    /** Draw {@code n = randn()} until {@code |n| < noise_pct}; the noise is {@code n}. */
    NORMAL("normal"),
    /** The noise is {@code 2 * (rand() - 0.5) * noise_pct}. */
    UNIFORM("uniform");

    private final String timmName;

    NoiseType(String timmName) {
        this.timmName = timmName;
    }

    /** {@return the name timm uses: {@code normal} or {@code uniform}} */
    public String timmName() {
        return timmName;
    }

    /**
     * The type timm calls {@code name}.
     *
     * @param name {@code normal} or {@code uniform}
     * @return {@link #NORMAL} or {@link #UNIFORM}
     * @throws IllegalArgumentException for any other name, null included
     *     ({@code noise_type must be normal or uniform, got gaussian})
     */
    public static NoiseType fromTimmName(String name) {
        for (NoiseType t : values()) {
            if (t.timmName.equals(name)) {
                return t;
            }
        }
        throw Checks.invalid("noise_type", "be normal or uniform", name);
    }
}
