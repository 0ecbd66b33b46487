package org.lr4j.internal;

import java.util.ArrayList;
import java.util.List;

/** Conversions of loosely typed argument values (parsed YAML/JSON) with messages that name the argument. */
public final class Args {
    private Args() {
    }

    public static double number(String name, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw Checks.invalid(name, "be a number", describe(v));
    }

    public static long integer(String name, Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger b) {
            if (b.bitLength() < 64) {
                return b.longValue();
            }
            throw Checks.invalid(name, "be a whole number in [-2^63, 2^63)", v);
        }
        double d = number(name, v);
        if (d != Math.rint(d) || Double.isInfinite(d) || Math.abs(d) > 9.007199254740992E15) {
            throw Checks.invalid(name, "be a whole number", describe(v));
        }
        return (long) d;
    }

    public static boolean bool(String name, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw Checks.invalid(name, "be true or false", describe(v));
    }

    public static String string(String name, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw Checks.invalid(name, "be a string", describe(v));
    }

    /** A number or a list of numbers, as a list. */
    public static List<Double> numbers(String name, Object v) {
        List<Double> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(number(name + "[" + i + "]", list.get(i)));
            }
        } else {
            out.add(number(name, v));
        }
        return out;
    }

    public static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return v.toString();
    }
}
