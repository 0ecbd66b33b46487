package org.lr4j.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON reader and writer core needs (core has no dependencies): objects become
 * {@link LinkedHashMap}s, arrays {@link ArrayList}s, numbers {@link Long} when written without a fraction
 * or exponent and {@link Double} otherwise, and {@code true}, {@code false}, {@code null} themselves.
 * Numbers are written with {@link Double#toString}, which reads back to the same double.
 */
public final class JsonText {
    private final String s;
    private int i;

    private JsonText(String s) {
        this.s = s;
    }

    /**
     * Parses one JSON value (surrounding whitespace allowed, nothing else).
     *
     * @throws IllegalArgumentException naming the position and what was expected there
     */
    public static Object parse(String text) {
        Checks.notNull("json", text);
        JsonText p = new JsonText(text);
        p.space();
        if (p.i >= text.length()) {
            throw Checks.invalid("JSON text", "hold a value", "nothing");
        }
        Object v = p.value();
        p.space();
        if (p.i != text.length()) {
            throw p.error("the end of the text");
        }
        return v;
    }

    private IllegalArgumentException error(String expected) {
        String got = i >= s.length() ? "the end of the text (truncated?)" : "'" + s.charAt(i) + "'";
        return new IllegalArgumentException("JSON text must have " + expected + " at character " + (i + 1)
                + ", got " + got);
    }

    private void space() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private Object value() {
        if (i >= s.length()) {
            throw error("a value");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            case 'n':
                return word("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("a value");
        }
    }

    private Object word(String w, Object v) {
        if (!s.startsWith(w, i)) {
            throw error(w);
        }
        i += w.length();
        return v;
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("a quoted name");
            }
            String k = string();
            space();
            expect(':');
            space();
            m.put(k, value());
            space();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return l;
        }
        while (true) {
            space();
            l.add(value());
            space();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw error("'" + c + "'");
        }
        i++;
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw error("a closing quote");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw error("an escape");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("four hex digits");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("four hex digits");
                    }
                    i += 4;
                }
                default -> {
                    i--;
                    throw error("an escape");
                }
            }
        }
    }

    private Object number() {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        boolean whole = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                whole = false;
                i++;
            } else {
                break;
            }
        }
        String t = s.substring(start, i);
        try {
            if (whole) {
                return Long.parseLong(t);
            }
        } catch (NumberFormatException e) {
            // too long for a long: read as a double below
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            i = start;
            throw error("a number");
        }
    }

    /** {@code value} as JSON: maps, lists, strings, numbers, booleans and null; indented when {@code pretty}. */
    public static String write(Object value, boolean pretty) {
        StringBuilder b = new StringBuilder();
        write(b, value, pretty, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, boolean pretty, int depth) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            b.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw Checks.invalid("JSON number", "be finite", d);
            }
            b.append(d);
        } else if (v instanceof String str) {
            quote(b, str);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            int k = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(k++ > 0 ? "," : "");
                newline(b, pretty, depth + 1);
                quote(b, String.valueOf(e.getKey()));
                b.append(pretty ? ": " : ":");
                write(b, e.getValue(), pretty, depth + 1);
            }
            if (k > 0) {
                newline(b, pretty, depth);
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int k = 0; k < l.size(); k++) {
                b.append(k > 0 ? (pretty ? ", " : ",") : "");
                write(b, l.get(k), pretty, depth + 1);
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("JSON value must be a map, list, string, number, boolean or null,"
                    + " got " + v.getClass().getSimpleName());
        }
    }

    private static void newline(StringBuilder b, boolean pretty, int depth) {
        if (pretty) {
            b.append('\n').append("  ".repeat(depth));
        }
    }

    private static void quote(StringBuilder b, String str) {
        b.append('"');
        for (int k = 0; k < str.length(); k++) {
            char c = str.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
