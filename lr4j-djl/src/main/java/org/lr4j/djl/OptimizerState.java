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
 * parameter ids): the updates that parameter has had, and every state array by PyTorch's name for it
 * (SGD's {@code "momentum_buffer"}, RMSprop's {@code "square_avg"}, Adagrad's {@code "sum"}, Adam's
 * {@code "exp_avg"} and {@code "exp_avg_sq"}, and the {@code "step"} count of those that keep one), each a float32 {@link Buffer}: its shape (the
 * parameter's, or {@code (1)} for a per-parameter number such as PyTorch's {@code step}) and its values in
 * row-major order.
 *
 * <p>{@link GroupedOptimizer#state()} takes it, {@link GroupedOptimizer#restore(OptimizerState)} gives
 * it to a new optimizer, {@link #write(OutputStream)} and {@link #read(InputStream)} store it. A
 * restored optimizer continues bit for bit as the one whose state was taken (asserted by
 * {@code OptimizerStateTest}).
 *
 * <pre>{@code
 * GroupedOptimizer opt = Optimizers.create("rmsprop", groups, 0.9, 0);
 * // ... train, then at a checkpoint:
 * OptimizerState s = opt.state();       // s.opt() is "rmsprop", s.updateCounts().get("01Conv2d_weight") is the updates done
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
    private final Map<String, Map<String, Buffer>> buffers;

    /**
     * One state array: its shape and its float32 values in row-major order (copied in and out).
     *
     * @param shape the array's shape
     * @param values its values, as many as the shape's size
     */
    public record Buffer(long[] shape, float[] values) {
        /**
         * Copies and checks.
         *
         * @param shape the array's shape
         * @param values its values, as many as the shape's size
         * @throws NullPointerException when an array is null
         * @throws IllegalArgumentException when a dimension is negative or the values do not fill the shape
         */
        public Buffer {
            shape = Objects.requireNonNull(shape, "shape").clone();
            values = Objects.requireNonNull(values, "values").clone();
            long size = 1;
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("shape must have dimensions >= 0, got " + Arrays.toString(shape));
                }
                size *= d;
            }
            if (size != values.length) {
                throw new IllegalArgumentException("a buffer of shape " + Arrays.toString(shape) + " holds " + size
                        + " values, got " + values.length);
            }
        }

        /** {@return the shape (a copy)} */
        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** {@return the values (a copy)} */
        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Buffer b && Arrays.equals(shape, b.shape) && Arrays.equals(values, b.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Buffer" + Arrays.toString(shape);
        }
    }

    /**
     * A state; the maps and arrays are copied.
     *
     * @param opt the optimizer's name ({@link Optimizers#NAMES})
     * @param updateCounts per parameter name, the updates it has had
     * @param buffers per buffer name, per parameter name, the buffer's values
     * @throws NullPointerException when an argument, key or array is null
     * @throws IllegalArgumentException when an update count is negative, or a name is empty
     */
    public OptimizerState(String opt, Map<String, Long> updateCounts, Map<String, Map<String, Buffer>> buffers) {
        this.opt = Objects.requireNonNull(opt, "opt");
        Objects.requireNonNull(updateCounts, "updateCounts");
        Objects.requireNonNull(buffers, "buffers");
        TreeMap<String, Long> s = new TreeMap<>();
        for (Map.Entry<String, Long> e : updateCounts.entrySet()) {
            long v = Objects.requireNonNull(e.getValue(), "update count");
            if (v < 0) {
                throw new IllegalArgumentException("update count of parameter " + e.getKey() + " must be >= 0, got " + v);
            }
            s.put(nonEmpty("parameter name", e.getKey()), v);
        }
        TreeMap<String, Map<String, Buffer>> b = new TreeMap<>();
        for (Map.Entry<String, Map<String, Buffer>> e : buffers.entrySet()) {
            TreeMap<String, Buffer> per = new TreeMap<>();
            for (Map.Entry<String, Buffer> p : Objects.requireNonNull(e.getValue(), "buffer map").entrySet()) {
                per.put(nonEmpty("parameter name", p.getKey()), Objects.requireNonNull(p.getValue(), "buffer"));
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

    /** {@return the optimizer's name} */
    public String opt() {
        return opt;
    }

    /** {@return per parameter name, the updates it has had, in name order} */
    public Map<String, Long> updateCounts() {
        return steps;
    }

    /** {@return the buffer names, in order} */
    public java.util.Set<String> bufferNames() {
        return buffers.keySet();
    }

    /**
     * Buffer {@code name} of every parameter.
     *
     * @param name a buffer name, e.g. {@code exp_avg}
     * @return per parameter name, the buffer, in name order; empty for a name not held
     */
    public Map<String, Buffer> buffer(String name) {
        return buffers.getOrDefault(name, Map.of());
    }

    /**
     * Writes the binary form: {@link #MAGIC}, {@link #VERSION}, the name, the update counts, the buffers,
     * in name order (so equal states write equal bytes); big-endian, as {@link DataOutputStream}.
     *
     * @param out where the bytes go; not closed
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
        for (Map.Entry<String, Map<String, Buffer>> e : buffers.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeInt(e.getValue().size());
            for (Map.Entry<String, Buffer> p : e.getValue().entrySet()) {
                d.writeUTF(p.getKey());
                d.writeInt(p.getValue().shape.length);
                for (long dim : p.getValue().shape) {
                    d.writeLong(dim);
                }
                d.writeInt(p.getValue().values.length);
                for (float v : p.getValue().values) {
                    d.writeFloat(v);
                }
            }
        }
        d.flush();
    }

    /**
     * Reads what {@link #write(OutputStream)} wrote, to the end of {@code in}.
     *
     * @param in the bytes; read to the end, not closed
     * @return the state
     * @throws IllegalArgumentException when the bytes are not an optimizer state of version
     *     {@link #VERSION}, are cut short, have bytes after the end, or hold a buffer whose values do not
     *     fill its shape
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
            TreeMap<String, Map<String, Buffer>> buffers = new TreeMap<>();
            for (int i = 0; i < nb; i++) {
                String name = d.readUTF();
                int np = count(d.readInt());
                TreeMap<String, Buffer> per = new TreeMap<>();
                for (int j = 0; j < np; j++) {
                    String param = d.readUTF();
                    long[] shape = new long[count(d.readInt())];
                    for (int k = 0; k < shape.length; k++) {
                        shape[k] = d.readLong();
                    }
                    float[] v = new float[count(d.readInt())];
                    for (int k = 0; k < v.length; k++) {
                        v[k] = d.readFloat();
                    }
                    per.put(param, new Buffer(shape, v));
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
        return o instanceof OptimizerState other && opt.equals(other.opt) && steps.equals(other.steps)
                && buffers.equals(other.buffers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(opt, steps, buffers);
    }

    @Override
    public String toString() {
        return "OptimizerState{opt=" + opt + ", parameters=" + steps.size() + ", buffers=" + buffers.keySet() + "}";
    }
}
