package org.lr4j.python;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a Python call as {@link PythonCallParser} reads it: numbers, strings, {@code None},
 * {@code True}/{@code False}, lists, tuples, dicts with string keys, bare names and nested calls. Every
 * value remembers where it starts in the source ({@link #offset()}, 0-based), so that an error about it
 * can point at it.
 */
public sealed interface PyValue {
    /** {@return where the value starts in the source, 0-based} */
    int offset();

    /** A Python int (within a Java long). */
    record PyInt(long value, int offset) implements PyValue {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A Python float. */
    record PyFloat(double value, int offset) implements PyValue {
        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** A Python str. */
    record PyStr(String value, int offset) implements PyValue {
        @Override
        public String toString() {
            return "'" + value + "'";
        }
    }

    /** {@code True} or {@code False}. */
    record PyBool(boolean value, int offset) implements PyValue {
        @Override
        public String toString() {
            return value ? "True" : "False";
        }
    }

    /** {@code None}. */
    record PyNone(int offset) implements PyValue {
        @Override
        public String toString() {
            return "None";
        }
    }

    /** A list ({@code tuple = false}) or tuple. */
    record PyList(List<PyValue> items, boolean tuple, int offset) implements PyValue {
        /**
         * Copies.
         *
         * @param items the items
         * @param tuple whether it is a tuple
         * @param offset where it starts
         */
        public PyList {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            String s = items.toString();
            return tuple ? "(" + s.substring(1, s.length() - 1) + (items.size() == 1 ? ",)" : ")") : s;
        }
    }

    /** A dict with string keys, in source order. */
    record PyDict(Map<String, PyValue> entries, Map<String, Integer> keyOffsets, int offset) implements PyValue {
        /**
         * Copies, keeping the order.
         *
         * @param entries the entries, in source order
         * @param keyOffsets where each key starts
         * @param offset where the dict starts
         */
        public PyDict {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyOffsets = Map.copyOf(keyOffsets);
        }
    }

    /** A bare (possibly dotted) name such as {@code optimizer}. */
    record PyName(String name, int offset) implements PyValue {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A call {@code name(args..., key=value...)}; {@code name} is the last part of a dotted name
     * ({@code torch.optim.lr_scheduler.StepLR} is {@code StepLR}).
     *
     * @param name the called name's last part
     * @param args the positional arguments
     * @param kwargs the keyword arguments, in source order
     * @param keywordOffsets where each keyword starts
     * @param offset where the call's name starts
     */
    record PyCall(String name, List<PyValue> args, Map<String, PyValue> kwargs, Map<String, Integer> keywordOffsets,
            int offset) implements PyValue {
        /**
         * Copies, keeping the order.
         *
         * @param name the called name's last part
         * @param args the positional arguments
         * @param kwargs the keyword arguments, in source order
         * @param keywordOffsets where each keyword starts
         * @param offset where the call's name starts
         */
        public PyCall {
            args = List.copyOf(args);
            kwargs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
            keywordOffsets = Map.copyOf(keywordOffsets);
        }
    }
}
