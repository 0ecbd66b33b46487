package org.lr4j.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Python call expression, as pasted from a training script:
 * {@code OneCycleLR(max_lr=0.1, total_steps=1000)}. The grammar is the subset of Python's expressions a
 * scheduler call uses:
 * <pre>
 *   call    := name '(' [arg (',' arg)* [',']] ')'        name := identifier ('.' identifier)*
 *   arg     := value | identifier '=' value               (keywords after positionals)
 *   value   := number | string | None | True | False | list | tuple | dict | call | name
 *   number  := ['-' | '+'] (int | float)                   (underscores, exponents, inf/nan via float('inf'))
 *   string  := '...' | "..." (with backslash escapes)
 * </pre>
 * Every error is a {@link PythonCallException} pointing at the offending character.
 *
 * <pre>{@code
 * PyValue.PyCall c = PythonCallParser.parse("StepLR(step_size=30, gamma=0.1)");
 * c.name();                  // "StepLR"
 * c.kwargs().get("gamma");   // PyFloat 0.1
 * }</pre>
 */
public final class PythonCallParser {
    private final String src;
    private int pos;

    private PythonCallParser(String src) {
        this.src = src;
    }

    /**
     * Parses {@code source} as one call expression.
     *
     * @param source the call's text, as pasted from Python
     * @return the call, with the source offset of every part
     * @throws NullPointerException when {@code source} is null
     * @throws PythonCallException when it is not one, pointing at the first character that does not fit
     */
    public static PyValue.PyCall parse(String source) {
        if (source == null) {
            throw new NullPointerException("source must be given, got null");
        }
        PythonCallParser p = new PythonCallParser(source);
        p.skipSpace();
        if (p.pos >= source.length()) {
            throw p.error(p.pos, "expected a call such as StepLR(step_size=30), got nothing");
        }
        PyValue v = p.value();
        p.skipSpace();
        if (p.pos < source.length()) {
            throw p.error(p.pos, "unexpected '" + source.charAt(p.pos) + "' after the call");
        }
        if (!(v instanceof PyValue.PyCall c)) {
            throw p.error(v.offset(), "expected a call such as StepLR(step_size=30), got " + v);
        }
        return c;
    }

    private PythonCallException error(int at, String reason) {
        return new PythonCallException(src, at, reason, null);
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                throw error(pos, "comments are not part of a call");
            }
            if (!Character.isWhitespace(c)) {
                return;
            }
            pos++;
        }
    }

    private boolean peek(char c) {
        skipSpace();
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void expect(char c, String what) {
        skipSpace();
        if (pos >= src.length()) {
            throw error(pos, "expected '" + c + "' " + what + ", got the end of the text");
        }
        if (src.charAt(pos) != c) {
            throw error(pos, "expected '" + c + "' " + what + ", got '" + src.charAt(pos) + "'");
        }
        pos++;
    }

    private PyValue value() {
        skipSpace();
        if (pos >= src.length()) {
            throw error(pos, "expected a value, got the end of the text");
        }
        char c = src.charAt(pos);
        int start = pos;
        if (c == '[') {
            pos++;
            return new PyValue.PyList(items(']'), false, start);
        }
        if (c == '(') {
            pos++;
            skipSpace();
            if (peek(')')) {
                pos++;
                return new PyValue.PyList(List.of(), true, start);
            }
            PyValue first = value();
            if (peek(')')) {
                pos++;
                return first; // parenthesised value
            }
            expect(',', "or ')' in a tuple");
            List<PyValue> rest = new ArrayList<>();
            rest.add(first);
            rest.addAll(items(')'));
            return new PyValue.PyList(rest, true, start);
        }
        if (c == '{') {
            pos++;
            return dict(start);
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (Character.isDigit(c) || c == '.' || c == '-' || c == '+') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            String name = dottedName();
            if (peek('(')) {
                pos++;
                return call(name, start);
            }
            return switch (name) {
                case "None" -> new PyValue.PyNone(start);
                case "True" -> new PyValue.PyBool(true, start);
                case "False" -> new PyValue.PyBool(false, start);
                default -> new PyValue.PyName(name, start);
            };
        }
        throw error(pos, "unexpected '" + c + "': expected a number, a string, a list, None, True, False or a call");
    }

    private List<PyValue> items(char close) {
        List<PyValue> out = new ArrayList<>();
        while (true) {
            if (peek(close)) {
                pos++;
                return out;
            }
            out.add(value());
            if (peek(',')) {
                pos++;
                continue;
            }
            expect(close, "or ',' between items");
            return out;
        }
    }

    private PyValue dict(int start) {
        Map<String, PyValue> entries = new LinkedHashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        while (true) {
            if (peek('}')) {
                pos++;
                return new PyValue.PyDict(entries, keys, start);
            }
            skipSpace();
            int keyAt = pos;
            PyValue key = value();
            if (!(key instanceof PyValue.PyStr s)) {
                throw error(keyAt, "dict keys must be strings, got " + key);
            }
            expect(':', "after a dict key");
            PyValue v = value();
            entries.put(s.value(), v);
            keys.put(s.value(), keyAt);
            if (peek(',')) {
                pos++;
                continue;
            }
            expect('}', "or ',' between dict entries");
            return new PyValue.PyDict(entries, keys, start);
        }
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        if (pos >= src.length() || !(Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            throw error(pos, pos >= src.length() ? "expected a name, got the end of the text"
                    : "expected a name, got '" + src.charAt(pos) + "'");
        }
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private String dottedName() {
        StringBuilder sb = new StringBuilder(identifier());
        while (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            sb.append('.').append(identifier());
        }
        return sb.toString();
    }

    private PyValue call(String dotted, int start) {
        String name = dotted.substring(dotted.lastIndexOf('.') + 1);
        if (name.equals("float")) {
            return floatCall(start);
        }
        List<PyValue> args = new ArrayList<>();
        Map<String, PyValue> kwargs = new LinkedHashMap<>();
        Map<String, Integer> kwOffsets = new HashMap<>();
        while (true) {
            if (peek(')')) {
                pos++;
                return new PyValue.PyCall(name, args, kwargs, kwOffsets, start);
            }
            skipSpace();
            int argAt = pos;
            String keyword = keywordAhead();
            if (keyword != null) {
                if (kwargs.containsKey(keyword)) {
                    throw error(argAt, "keyword argument repeated: " + keyword);
                }
                kwargs.put(keyword, value());
                kwOffsets.put(keyword, argAt);
            } else {
                if (!kwargs.isEmpty()) {
                    throw error(argAt, "positional argument follows keyword argument");
                }
                args.add(value());
            }
            if (peek(',')) {
                pos++;
                continue;
            }
            expect(')', "or ',' between arguments of " + name + "(");
            return new PyValue.PyCall(name, args, kwargs, kwOffsets, start);
        }
    }

    /** {@code float('inf')}, {@code float('nan')}, {@code float(1)} and the like: a number. */
    private PyValue floatCall(int start) {
        PyValue arg = value();
        expect(')', "after float(x");
        if (arg instanceof PyValue.PyStr s) {
            String t = s.value().trim().toLowerCase(java.util.Locale.ROOT);
            switch (t) {
                case "inf", "+inf", "infinity", "+infinity" -> {
                    return new PyValue.PyFloat(Double.POSITIVE_INFINITY, start);
                }
                case "-inf", "-infinity" -> {
                    return new PyValue.PyFloat(Double.NEGATIVE_INFINITY, start);
                }
                case "nan", "+nan", "-nan" -> {
                    return new PyValue.PyFloat(Double.NaN, start);
                }
                default -> {
                    try {
                        return new PyValue.PyFloat(Double.parseDouble(t.replace("_", "")), start);
                    } catch (NumberFormatException e) {
                        throw error(arg.offset(), "could not convert string to float: " + s);
                    }
                }
            }
        }
        if (arg instanceof PyValue.PyInt i) {
            return new PyValue.PyFloat(i.value(), start);
        }
        if (arg instanceof PyValue.PyFloat f) {
            return new PyValue.PyFloat(f.value(), start);
        }
        throw error(arg.offset(), "float() takes a number or a string, got " + arg);
    }

    /** {@return an {@code identifier =} (not {@code ==}) at the position, consumed; else null, nothing consumed} */
    private String keywordAhead() {
        int save = pos;
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            String id = identifier();
            skipSpace();
            if (pos < src.length() && src.charAt(pos) == '=' && (pos + 1 >= src.length() || src.charAt(pos + 1) != '=')) {
                pos++;
                return id;
            }
        }
        pos = save;
        return null;
    }

    private PyValue string() {
        int start = pos;
        char quote = src.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == quote) {
                return new PyValue.PyStr(sb.toString(), start);
            }
            if (c == '\\') {
                if (pos >= src.length()) {
                    break;
                }
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\', '\'', '"' -> sb.append(e);
                    default -> sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw error(start, "string not closed: missing " + quote);
    }

    private PyValue number() {
        int start = pos;
        boolean negative = false;
        if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
            negative = src.charAt(pos) == '-';
            pos++;
            skipSpace();
            if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '(')) {
                PyValue v = value();
                if (v instanceof PyValue.PyFloat f) {
                    return new PyValue.PyFloat(negative ? -f.value() : f.value(), start);
                }
                throw error(v.offset(), "expected a number after the sign, got " + v);
            }
        }
        int digits = pos;
        boolean isFloat = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isDigit(c) || c == '_') {
                pos++;
            } else if (c == '.') {
                isFloat = true;
                pos++;
            } else if (c == 'e' || c == 'E') {
                isFloat = true;
                pos++;
                if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)))) {
            throw error(pos, "invalid number: unexpected '" + src.charAt(pos) + "'");
        }
        String text = src.substring(digits, pos);
        if (text.isEmpty() || text.startsWith("_") || text.endsWith("_") || text.contains("__")) {
            throw error(digits, "expected a number" + (text.isEmpty() ? "" : ", got " + text));
        }
        String clean = text.replace("_", "");
        try {
            if (isFloat) {
                if (!clean.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    throw new NumberFormatException(text);
                }
                double d = Double.parseDouble(clean);
                return new PyValue.PyFloat(negative ? -d : d, start);
            }
            if (clean.length() > 1 && clean.startsWith("0") && !clean.matches("0+")) {
                throw error(digits, "leading zeros in an int are not allowed in Python, got " + text);
            }
            long v = Long.parseLong(clean);
            return new PyValue.PyInt(negative ? -v : v, start);
        } catch (NumberFormatException e) {
            throw error(digits, isFloat ? "invalid number: " + text : "int out of range (lr4j reads ints within"
                    + " +-2^63), got " + text);
        }
    }
}
