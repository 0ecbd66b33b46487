package org.lr4j.golden;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reference traces (copies of ../shared/golden, never edited) and the README's comparison rule. */
public final class Golden {
    public static final List<String> FILES = List.of("timm-curated.jsonl", "timm-random.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    /** Every case of both files, in file order. */
    public static List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String f : FILES) {
            out.addAll(load(f));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> load(String file) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /golden/" + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, Map.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The scale {@code s} of the README's rule: the largest of every group's lr and initial_lr, each
     * also times its lr_scale, and the case's warmup_lr_init (scheduler cases) or warmup_lr flag
     * (training-run cases, default 1e-5).
     */
    @SuppressWarnings("unchecked")
    public static double scale(Map<String, Object> c) {
        double s = 0;
        for (Object o : (List<Object>) c.get("param_groups")) {
            Map<String, Object> g = (Map<String, Object>) o;
            double scaleFactor = g.get("lr_scale") == null ? 1.0 : num(g.get("lr_scale"));
            for (String k : List.of("lr", "initial_lr")) {
                if (g.get(k) != null) {
                    double v = Math.abs(num(g.get(k)));
                    s = Math.max(s, Math.max(v, Math.abs(v * scaleFactor)));
                }
            }
        }
        if (c.containsKey("train_args")) {
            Map<String, Object> a = (Map<String, Object>) c.get("train_args");
            s = Math.max(s, a.get("warmup_lr") == null ? 1e-5 : Math.abs(num(a.get("warmup_lr"))));
        } else {
            Map<String, Object> k = (Map<String, Object>) c.get("kwargs");
            if (k.get("warmup_lr_init") != null) {
                s = Math.max(s, Math.abs(num(k.get("warmup_lr_init"))));
            }
        }
        return s;
    }

    /**
     * The scale {@code s} of the README's rule for a PyTorch/transformers case: the largest of the groups'
     * lr, max_lr, base_lr (one value or one per group) and optimizer_lr.
     */
    @SuppressWarnings("unchecked")
    public static double torchScale(Map<String, Object> c) {
        double s = 0;
        for (Object o : (List<Object>) c.get("param_groups")) {
            s = Math.max(s, Math.abs(num(((Map<String, Object>) o).get("lr"))));
        }
        Map<String, Object> k = (Map<String, Object>) c.get("kwargs");
        for (String key : List.of("max_lr", "base_lr")) {
            Object v = k.get(key);
            for (Object x : v instanceof List<?> l ? (List<Object>) l : v == null ? List.of() : List.of(v)) {
                s = Math.max(s, Math.abs(num(x)));
            }
        }
        if (c.get("optimizer_lr") != null) {
            s = Math.max(s, Math.abs(num(c.get("optimizer_lr"))));
        }
        return s;
    }

    /** {@code |a - e| <= 1e-12 * max(|e|, s)}. */
    public static boolean matches(double a, double e, double s) {
        return Math.abs(a - e) <= 1e-12 * Math.max(Math.abs(e), s);
    }

    public static double num(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if ("NaN".equals(o)) {
            return Double.NaN;
        }
        throw new IllegalArgumentException("not a number: " + o);
    }

    /**
     * Compares a computed field with an expected one: nested lists of numbers, nulls in the expected
     * value (where the reference raised, or values of the other mode) are skipped only where
     * {@code skipNull}; a null expectation in {@code values} must be null in the computed one.
     * Returns null when they match, else a description of the first difference.
     */
    public static String compare(String path, Object expected, Object actual, double s, boolean nullMeansSkip) {
        if (expected == null) {
            if (nullMeansSkip || actual == null) {
                return null;
            }
            return path + ": expected null, got " + actual;
        }
        if (expected instanceof List<?> el) {
            if (!(actual instanceof List<?> al)) {
                return path + ": expected a list, got " + actual;
            }
            if (el.size() != al.size()) {
                return path + ": expected " + el.size() + " entries, got " + al.size();
            }
            for (int i = 0; i < el.size(); i++) {
                String d = compare(path + "[" + i + "]", el.get(i), al.get(i), s, nullMeansSkip);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected instanceof Map<?, ?> em) {
            if (!(actual instanceof Map<?, ?> am)) {
                return path + ": expected an object, got " + actual;
            }
            for (Map.Entry<?, ?> e : em.entrySet()) {
                String d = compare(path + "." + e.getKey(), e.getValue(), am.get(e.getKey()), s, nullMeansSkip);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (!(actual instanceof Number an)) {
            return path + ": expected " + expected + ", got " + actual;
        }
        double e = num(expected);
        double a = an.doubleValue();
        if (!matches(a, e, s)) {
            return path + ": expected " + e + ", got " + a + " (diff " + (a - e) + ", s " + s + ")";
        }
        return null;
    }
}
