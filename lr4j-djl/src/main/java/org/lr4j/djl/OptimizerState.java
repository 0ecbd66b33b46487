package org.lr4j.djl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything an lr4j optimizer's update rule reads besides the weights, gradients and learning rate, as
 * plain values: PyTorch's {@code optimizer.state_dict()['state']} for a {@link GroupedOptimizer}. Per
 * parameter, keyed by the parameter's full name in the block (stable across processes, unlike DJL's
 * parameter ids): the step count ({@code state['step']}, the updates that parameter has had) and every
 * state buffer by its PyTorch name ({@code momentum_buffer} is {@code "momentum"}, RMSprop's
 * {@code square_avg}, Adagrad's {@code sum}, ...), each a float32 array flattened in row-major order,
 * as long as the parameter.
 *
 * <p>{@link GroupedOptimizer#state()} takes it, {@link GroupedOptimizer#restore(OptimizerState)} gives
 * it to a new optimizer, {@link #write(OutputStream)} and {@link #read(InputStream)} store it. A
 * restored optimizer continues bit for bit as the one whose state was taken (asserted by
 * {@code OptimizerStateTest}).
 *
 * <pre>{@code
 * GroupedOptimizer opt = Optimizers.create("rmsprop", groups, 0.9, 0);
 * // ... train, then at a checkpoint:
 * OptimizerState s = opt.state();       // s.opt() is "rmsprop", s.steps().get("01Conv2d_weight") is the updates done
 * s.write(out);
 * // in a new process, over the same model's groups:
 * GroupedOptimizer again = Optimizers.create("rmsprop", groups2, 0.9, 0);
 * again.restore(OptimizerState.read(in));
 * }</pre>
 */
public final class OptimizerState {
    /** The first field of the binary form. */
    public static final String MAGIC = "lr4j-optimizer-state";

    /** The binary form's version written and read. */
    public static final int VERSION = 1;

    private final String opt;
    private final Map<String, Long> steps;
    private final Map<String, Map<String, float[]>> buffers;

    /**
     * A state; the maps and arrays are copied.
     *
     * @param opt the optimizer's name ({@link Optimizers#NAMES})
     * @param steps per parameter name, the updates it has had (PyTorch's {@code state['step']})
     * @param buffers per buffer name, per parameter name, the buffer's values
     * @throws NullPointerException when an argument, key or array is null
     * @throws IllegalArgumentException when a step count is negative, or a name is empty
     */
    public OptimizerState(String opt, Map<String, Long> steps, Map<String, Map<String, float[]>> buffers) {
        this.opt = Objects.requireNonNull(opt, "opt");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(buffers, "buffers");
        TreeMap<String, Long> s = new TreeMap<>();
        for (Map.Entry<String, Long> e : steps.entrySet()) {
            long v = Objects.requireNonNull(e.getValue(), "step count");
            if (v < 0) {
                throw new IllegalArgumentException("step count of parameter " + e.getKey() + " must be >= 0, got " + v);
            }
            s.put(nonEmpty("parameter name", e.getKey()), v);
        }
        TreeMap<String, Map<String, float[]>> b = new TreeMap<>();
        for (Map.Entry<String, Map<String, float[]>> e : buffers.entrySet()) {
            TreeMap<String, float[]> per = new TreeMap<>();
            for (Map.Entry<String, float[]> p : Objects.requireNonNull(e.getValue(), "buffer map").entrySet()) {
                per.put(nonEmpty("parameter name", p.getKey()), Objects.requireNonNull(p.getValue(), "buffer").clone());
            }
            b.put(nonEmpty("buffer name", e.getKey()), Collections.unmodifiableMap(per));
        }
        this.steps = Collections.unmodifiableMap(s);
        this.buffers = Collections.unmodifiableMap(b);
    }

    private static String nonEmpty(String what, String s) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return s;
    }

    /** The optimizer's name. */
    public String opt() {
        return opt;
    }

    /** Per parameter name, the updates it has had, in name order. */
    public Map<String, Long> steps() {
        return steps;
    }

    /** The buffer names, in order. */
    public java.util.Set<String> bufferNames() {
        return buffers.keySet();
    }

    /**
     * Per parameter name, the values of buffer {@code name} (copies), in name order; empty for a name
     * not held.
     */
    public Map<String, float[]> buffer(String name) {
        Map<String, float[]> per = buffers.get(name);
        if (per == null) {
            return Map.of();
        }
        TreeMap<String, float[]> copy = new TreeMap<>();
        per.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** Buffers without copying, for the optimizer. */
    Map<String, Map<String, float[]>> buffersView() {
        return buffers;
    }

    /**
     * Writes the binary form: {@link #MAGIC}, {@link #VERSION}, the name, the step counts, the buffers,
     * in name order (so equal states write equal bytes); big-endian, as {@link DataOutputStream}.
     *
     * @throws IOException when {@code out} fails
     */
    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeUTF(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(opt);
        d.writeInt(steps.size());
        for (Map.Entry<String, Long> e : steps.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeLong(e.getValue());
        }
        d.writeInt(buffers.size());
        for (Map.Entry<String, Map<String, float[]>> e : buffers.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeInt(e.getValue().size());
            for (Map.Entry<String, float[]> p : e.getValue().entrySet()) {
                d.writeUTF(p.getKey());
                d.writeInt(p.getValue().length);
                for (float v : p.getValue()) {
                    d.writeFloat(v);
                }
            }
        }
        d.flush();
    }

    /**
     * Reads what {@link #write(OutputStream)} wrote, to the end of {@code in}.
     *
     * @throws IllegalArgumentException when the bytes are not an optimizer state of version
     *     {@link #VERSION}, are cut short, or have bytes after the end
     * @throws IOException when {@code in} fails
     */
    public static OptimizerState read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        try {
            String magic = d.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IllegalArgumentException("optimizer state must start with " + MAGIC + ", got " + shorten(magic));
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("optimizer state version must be " + VERSION + ", got " + version);
            }
            String opt = d.readUTF();
            int n = count(d.readInt());
            TreeMap<String, Long> steps = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                steps.put(d.readUTF(), d.readLong());
            }
            int nb = count(d.readInt());
            TreeMap<String, Map<String, float[]>> buffers = new TreeMap<>();
            for (int i = 0; i < nb; i++) {
                String name = d.readUTF();
                int np = count(d.readInt());
                TreeMap<String, float[]> per = new TreeMap<>();
                for (int j = 0; j < np; j++) {
                    String param = d.readUTF();
                    float[] v = new float[count(d.readInt())];
                    for (int k = 0; k < v.length; k++) {
                        v[k] = d.readFloat();
                    }
                    per.put(param, v);
                }
                buffers.put(name, per);
            }
            if (d.read() != -1) {
                throw new IllegalArgumentException("optimizer state has bytes after its end");
            }
            return new OptimizerState(opt, steps, buffers);
        } catch (EOFException e) {
            throw new IllegalArgumentException("optimizer state is cut short", e);
        }
    }

    private static int count(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("optimizer state holds a negative count " + n);
        }
        return n;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerState other) || !opt.equals(other.opt) || !steps.equals(other.steps)
                || !buffers.keySet().equals(other.buffers.keySet())) {
            return false;
        }
        for (Map.Entry<String, Map<String, float[]>> e : buffers.entrySet()) {
            Map<String, float[]> a = e.getValue();
            Map<String, float[]> b = other.buffers.get(e.getKey());
            if (!a.keySet().equals(b.keySet())) {
                return false;
            }
            for (Map.Entry<String, float[]> p : a.entrySet()) {
                if (!Arrays.equals(p.getValue(), b.get(p.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(opt, steps, buffers.keySet());
    }

    @Override
    public String toString() {
        return "OptimizerState{opt=" + opt + ", parameters=" + steps.size() + ", buffers=" + buffers.keySet() + "}";
    }
}
