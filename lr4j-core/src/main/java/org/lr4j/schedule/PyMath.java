package org.lr4j.schedule;

/** Python's float arithmetic where it differs from Java's, so that results match timm's. */
final class PyMath {
    private PyMath() {
    }

    /**
     * Python's {@code float // float} (not always {@code floor(a / b)}: {@code 1 // 0.1} is 9.0).
     * Follows CPython's {@code float_floor_div}: {@code (a - fmod(a, b)) / b}, adjusted.
     */
    static double floorDiv(double a, double b) {
        double mod = a % b; // Java's % on doubles is C's fmod
        double div = (a - mod) / b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                div -= 1.0;
            }
        }
        if (div != 0) {
            double floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
            return floordiv;
        }
        return Math.copySign(0.0, a / b);
    }
}
