package org.lr4j.python;

import org.lr4j.schedule.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call's arguments bound to its {@link Signature} as Python binds them, with typed reads whose errors
 * point at the offending value.
 */
final class Bound {
    final String source;
    final Signature signature;
    final PyValue.PyCall call;
    /** Parameter name to value, in the order given; {@code None} values included. */
    final Map<String, PyValue> values;
    /** Where each bound argument starts (its keyword, or its value for a positional). */
    final Map<String, Integer> offsets;

    Bound(String source, Signature signature, PyValue.PyCall call, Map<String, PyValue> values,
            Map<String, Integer> offsets) {
        this.source = source;
        this.signature = signature;
        this.call = call;
        this.values = values;
        this.offsets = offsets;
    }

    /** Binds {@code call}'s arguments to {@code sig}, as Python raises {@code TypeError} for a mismatch. */
    static Bound bind(String source, Signature sig, PyValue.PyCall call) {
        Map<String, PyValue> values = new LinkedHashMap<>();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        List<String> params = sig.params();
        int p = 0;
        for (PyValue arg : call.args()) {
            if (p >= params.size()) {
                throw new PythonCallException(source, arg.offset(), sig.name() + "() takes " + positionalCount(sig)
                        + " positional arguments but " + call.args().size() + " were given", null);
            }
            String param = params.get(p++);
            if (param.equals("optimizer")) {
                if (!(arg instanceof PyValue.PyName)) {
                    throw new PythonCallException(source, arg.offset(), sig.name() + "(): the optimizer is implicit"
                            + " (one group with the given lr); leave it out or name it, got " + arg, null);
                }
                continue;
            }
            values.put(param, arg);
            offsets.put(param, arg.offset());
        }
        for (Map.Entry<String, PyValue> e : call.kwargs().entrySet()) {
            String k = e.getKey();
            int at = call.keywordOffsets().get(k);
            if (k.equals("optimizer")) {
                continue;
            }
            if (!params.contains(k) && !sig.varKeywords()) {
                throw new PythonCallException(source, at, sig.name() + "() got an unexpected keyword argument '" + k
                        + "' (its parameters: " + String.join(", ", params) + ")", null);
            }
            if (values.containsKey(k)) {
                throw new PythonCallException(source, at, sig.name() + "() got multiple values for argument '" + k + "'", null);
            }
            values.put(k, e.getValue());
            offsets.put(k, at);
        }
        List<String> missing = new ArrayList<>();
        for (String r : params) {
            if (sig.required().contains(r) && !values.containsKey(r)) {
                missing.add("'" + r + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new PythonCallException(source, call.offset(), sig.name() + "() missing " + missing.size()
                    + " required argument" + (missing.size() > 1 ? "s" : "") + ": " + String.join(" and ", missing), null);
        }
        return new Bound(source, sig, call, values, offsets);
    }

    private static int positionalCount(Signature sig) {
        return sig.params().size();
    }

    PythonCallException error(String param, String reason) {
        PyValue v = values.get(param);
        int at = v != null ? v.offset() : call.offset();
        return new PythonCallException(source, at, reason, null);
    }

    /** The typed refusal of {@code param}'s value, pointing at it. */
    PythonCallException invalid(String param, String rule, String value) {
        InvalidValueException e = new InvalidValueException(param, rule, value);
        return error(param, e.getMessage(), e);
    }

    PythonCallException error(String param, String reason, Throwable cause) {
        PyValue v = values.get(param);
        return new PythonCallException(source, v != null ? v.offset() : call.offset(), reason, cause);
    }

    /** Whether {@code param} was given, and not as {@code None}. */
    boolean has(String param) {
        PyValue v = values.get(param);
        return v != null && !(v instanceof PyValue.PyNone);
    }

    /** Passes {@code param}'s number to {@code set} when the call gives it (a builder's optional argument). */
    void setNumber(String param, java.util.function.DoubleConsumer set) {
        if (has(param)) {
            set.accept(number(param));
        }
    }

    /** Passes {@code param}'s integer to {@code set} when the call gives it. */
    void setInteger(String param, boolean strict, java.util.function.LongConsumer set) {
        if (has(param)) {
            set.accept(integer(param, strict));
        }
    }

    /** Passes {@code param}'s numbers (one or a list) to {@code set} when the call gives it. */
    void setNumbers(String param, java.util.function.Consumer<double[]> set) {
        if (has(param)) {
            set.accept(numbers(param));
        }
    }

    /** Passes {@code param}'s string to {@code set} when the call gives it. */
    void setString(String param, java.util.function.Consumer<String> set) {
        if (has(param)) {
            set.accept(string(param));
        }
    }

    /** Passes {@code param}'s boolean to {@code set} when the call gives it. */
    void setBool(String param, java.util.function.Consumer<Boolean> set) {
        if (has(param)) {
            set.accept(bool(param));
        }
    }

    PyValue get(String param) {
        return has(param) ? values.get(param) : null;
    }

    /** An int; with {@code strict}, a float is refused even when whole (PyTorch checks {@code isinstance(x, int)}). */
    long integer(String param, boolean strict) {
        PyValue v = get(param);
        if (v instanceof PyValue.PyInt i) {
            return i.value();
        }
        if (v instanceof PyValue.PyBool b) {
            return b.value() ? 1 : 0;
        }
        if (!strict && v instanceof PyValue.PyFloat f && f.value() == Math.rint(f.value())
                && Math.abs(f.value()) < 0x1p53) {
            return (long) f.value();
        }
        throw invalid(param, "must be an integer", String.valueOf(v));
    }

    Long optionalInteger(String param, boolean strict) {
        return has(param) ? integer(param, strict) : null;
    }

    static double numberOf(PyValue v) {
        if (v instanceof PyValue.PyInt i) {
            return i.value();
        }
        if (v instanceof PyValue.PyFloat f) {
            return f.value();
        }
        if (v instanceof PyValue.PyBool b) {
            return b.value() ? 1 : 0;
        }
        return Double.NaN;
    }

    double number(String param) {
        PyValue v = get(param);
        if (v instanceof PyValue.PyInt || v instanceof PyValue.PyFloat || v instanceof PyValue.PyBool) {
            return numberOf(v);
        }
        throw invalid(param, "must be a number", String.valueOf(v));
    }

    Double optionalNumber(String param) {
        return has(param) ? number(param) : null;
    }

    /** One number, or a list or tuple of numbers (one per group). */
    double[] numbers(String param) {
        PyValue v = get(param);
        if (v instanceof PyValue.PyList l) {
            double[] out = new double[l.items().size()];
            for (int i = 0; i < out.length; i++) {
                PyValue item = l.items().get(i);
                if (!(item instanceof PyValue.PyInt || item instanceof PyValue.PyFloat)) {
                    throw new PythonCallException(source, item.offset(), param + "[" + i + "] must be a number, got "
                            + item, null);
                }
                out[i] = numberOf(item);
            }
            return out;
        }
        return new double[] {number(param)};
    }

    String string(String param) {
        PyValue v = get(param);
        if (v instanceof PyValue.PyStr s) {
            return s.value();
        }
        throw invalid(param, "must be a string", String.valueOf(v));
    }

    boolean bool(String param) {
        PyValue v = get(param);
        if (v instanceof PyValue.PyBool b) {
            return b.value();
        }
        if (v instanceof PyValue.PyInt i) {
            return i.value() != 0;
        }
        throw invalid(param, "must be True or False", String.valueOf(v));
    }

    List<Long> integers(String param) {
        PyValue v = get(param);
        if (!(v instanceof PyValue.PyList l)) {
            throw invalid(param, "must be a list of integers", String.valueOf(v));
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            PyValue item = l.items().get(i);
            if (!(item instanceof PyValue.PyInt n)) {
                throw new PythonCallException(source, item.offset(), param + "[" + i + "] must be an integer, got "
                        + item, null);
            }
            out.add(n.value());
        }
        return out;
    }

    List<PyValue.PyCall> calls(String param) {
        PyValue v = get(param);
        if (!(v instanceof PyValue.PyList l)) {
            throw invalid(param, "must be a list of scheduler calls", String.valueOf(v));
        }
        List<PyValue.PyCall> out = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            PyValue item = l.items().get(i);
            if (!(item instanceof PyValue.PyCall c)) {
                throw new PythonCallException(source, item.offset(), param + "[" + i + "] must be a scheduler call"
                        + " such as LinearLR(start_factor=0.1), got " + item, null);
            }
            out.add(c);
        }
        return out;
    }
}
