package org.lr4j.internal.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.python.PythonCallException;
import org.lr4j.python.ScheduleCall;
import org.lr4j.torch.TorchScheduler;

/**
 * Replays one PyTorch/transformers reference case ({@code torch-transformers.jsonl}; its format is the
 * golden README's section "PyTorch and transformers cases"): writes the case's constructor call as
 * Python ({@link #toPython}), reads and builds it with {@link ScheduleCall} on the case's optimizer, and
 * drives it as PyTorch documents. The answer has the case's expected fields, computed:
 * {@code initial_lrs}, {@code lrs}, where momentum is cycled {@code initial_momentums} and
 * {@code momentums}, and where the scheduler raised {@code error_at_step} and {@code error} (rows stop
 * there), or for a refused configuration only {@code error}.
 *
 * <p>The optimizer: one group per {@code param_groups} entry with its {@code lr}; SGD (which always has
 * a momentum, default 0) or, with {@code optimizer = "Adam"}, Adam ({@code betas[0]}, default 0.9);
 * {@code defaults["lr"]} is {@code optimizer_lr} when given, else the first group's {@code lr}.
 */
public final class TorchCase {
    private TorchCase() {
    }

    /**
     * The Python call of a case's scheduler: {@code scheduler(key=value, ...)} with the kwargs in their
     * order, {@code schedulers} entries ({@code {"scheduler", "kwargs"}}) as nested calls.
     *
     * @throws IllegalArgumentException when a value is of a type JSON cannot hold
     */
    public static String toPython(String scheduler, Map<String, ?> kwargs) {
        StringBuilder sb = new StringBuilder(scheduler).append('(');
        boolean first = true;
        for (Map.Entry<String, ?> e : kwargs.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append('=');
            literal(sb, e.getValue());
            first = false;
        }
        return sb.append(')').toString();
    }

    @SuppressWarnings("unchecked")
    private static void literal(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("None");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isNaN(d) ? "float('nan')" : Double.isInfinite(d) ? (d > 0 ? "float('inf')"
                    : "float('-inf')") : Double.toString(d));
        } else if (v instanceof Number n) {
            sb.append(n.toString());
        } else if (v instanceof String s) {
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "");
                literal(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m && m.containsKey("scheduler") && m.get("scheduler") instanceof String s) {
            Object k = m.get("kwargs");
            sb.append(toPython(s, k instanceof Map<?, ?> km ? (Map<String, ?>) km : Map.of()));
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ");
                literal(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                literal(sb, e.getValue());
                first = false;
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException("kwargs value must be a JSON value, got " + v.getClass().getSimpleName());
        }
    }

    /**
     * Computes a case: see the class comment. Never throws for a malformed case: the answer then holds
     * {@code error}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> compute(Map<String, Object> c) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (c == null) {
            return out;
        }
        out.put("id", c.get("id"));
        ParamGroupList groups;
        double optimizerLr;
        int steps;
        String call;
        List<Object> metrics;
        try {
            boolean adam = "Adam".equals(c.get("optimizer")) || "AdamW".equals(c.get("optimizer"));
            List<ParamGroup> list = new ArrayList<>();
            for (Object o : (List<Object>) c.get("param_groups")) {
                Map<String, Object> g = (Map<String, Object>) o;
                ParamGroup pg = ParamGroup.of(((Number) g.get("lr")).doubleValue());
                if (adam) {
                    List<Object> betas = (List<Object>) g.get("betas");
                    pg.beta1(betas == null ? 0.9 : ((Number) betas.get(0)).doubleValue());
                } else {
                    Object m = g.get("momentum");
                    pg.momentum(m == null ? 0.0 : ((Number) m).doubleValue());
                }
                list.add(pg);
            }
            groups = ParamGroupList.of(list);
            optimizerLr = c.get("optimizer_lr") instanceof Number n ? n.doubleValue() : groups.lr(0);
            steps = ((Number) c.get("steps")).intValue();
            call = toPython((String) c.get("scheduler"), (Map<String, ?>) c.get("kwargs"));
            metrics = (List<Object>) c.get("metrics");
        } catch (RuntimeException e) {
            out.put("error", "malformed case: " + e);
            return out;
        }
        TorchScheduler s;
        try {
            s = ScheduleCall.parse(call).build(groups, optimizerLr);
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            out.put("error", e instanceof PythonCallException p ? p.oneLine() : e.getMessage());
            return out;
        }
        boolean momentum = cyclesMomentum((String) c.get("scheduler"), (Map<String, Object>) c.get("kwargs"));
        out.put("initial_lrs", list(groups.lrs()));
        if (momentum) {
            out.put("initial_momentums", momentums(groups));
        }
        List<Object> lrs = new ArrayList<>();
        List<Object> moms = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            try {
                if (s.needsMetric()) {
                    Object m = metrics == null || i >= metrics.size() ? null : metrics.get(i);
                    s.step(m instanceof Number n ? n.doubleValue() : Double.NaN);
                } else {
                    s.step();
                }
            } catch (IllegalStateException e) {
                out.put("error_at_step", i);
                out.put("error", e.getMessage());
                break;
            }
            lrs.add(list(groups.lrs()));
            if (momentum) {
                moms.add(momentums(groups));
            }
        }
        out.put("lrs", lrs);
        if (momentum) {
            out.put("momentums", moms);
        }
        return out;
    }

    private static boolean cyclesMomentum(String scheduler, Map<String, Object> kwargs) {
        if (!scheduler.equals("OneCycleLR") && !scheduler.equals("CyclicLR")) {
            return false;
        }
        Object cm = kwargs.get("cycle_momentum");
        return cm == null || Boolean.TRUE.equals(cm);
    }

    private static List<Double> momentums(ParamGroupList groups) {
        List<Double> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            out.add(groups.momentum(g));
        }
        return out;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
