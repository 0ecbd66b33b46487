package org.lr4j.internal;

import java.util.List;

/**
 * Python's arithmetic where it differs from Java's, for the PyTorch and transformers schedules: division
 * by zero raises ({@code ZeroDivisionError}) instead of giving an infinity or NaN, {@code %} is floored,
 * {@code bisect_right} is the library's exact algorithm (it gives the same answer as Python's on an
 * unsorted list too).
 */
public final class PyOps {
    private PyOps() {
    }

    /** Python's {@code a / b} on floats. @throws ArithmeticException when {@code b == 0}, as Python raises. */
    public static double div(double a, double b) {
        if (b == 0) {
            throw new ArithmeticException("float division by zero");
        }
        return a / b;
    }

    /** Python's {@code a % b} on ints (floored). @throws ArithmeticException when {@code b == 0}. */
    public static long mod(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("integer division or modulo by zero");
        }
        return Math.floorMod(a, b);
    }

    /** Python's {@code a // b} on ints (floored). @throws ArithmeticException when {@code b == 0}. */
    public static long floorDiv(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("integer division or modulo by zero");
        }
        return Math.floorDiv(a, b);
    }

    /** Python's {@code a % b} on floats (the result takes the sign of {@code b}). */
    public static double mod(double a, double b) {
        if (b == 0) {
            throw new ArithmeticException("float modulo");
        }
        double r = a % b;
        if (r != 0) {
            if ((b < 0) != (r < 0)) {
                r += b;
            }
        } else {
            r = Math.copySign(0.0, b);
        }
        return r;
    }

    /**
     * Python's {@code a ** b} on floats: C's {@code pow}, except that {@code 0.0} to a negative power
     * raises. (A negative base to a fractional power gives a complex number in Python; lr4j raises.)
     *
     * @throws ArithmeticException where Python raises or leaves the reals
     */
    public static double pow(double a, double b) {
        if (a == 0 && b < 0) {
            throw new ArithmeticException("0.0 cannot be raised to a negative power");
        }
        if (a < 0 && b != Math.rint(b) && Double.isFinite(b)) {
            throw new ArithmeticException("a negative number to a fractional power is complex (" + a + " ** " + b + ")");
        }
        return Math.pow(a, b);
    }

    /** Python's {@code math.sqrt}. @throws ArithmeticException for a negative argument (math domain error). */
    public static double sqrt(double a) {
        if (a < 0) {
            throw new ArithmeticException("math domain error");
        }
        return Math.sqrt(a);
    }

    /** {@code bisect.bisect_right(list, x)}: the same binary search, so also the same answer on an unsorted list. */
    public static int bisectRight(List<Long> list, long x) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < list.get(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
