package org.lr4j.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.lr4j.group.ParamGroups;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.torch.ChainedScheduler;
import org.lr4j.torch.ConstantLR;
import org.lr4j.torch.CosineAnnealingLR;
import org.lr4j.torch.CosineAnnealingWarmRestarts;
import org.lr4j.torch.CyclicLR;
import org.lr4j.torch.ExponentialLR;
import org.lr4j.torch.LinearLR;
import org.lr4j.torch.MultiStepLR;
import org.lr4j.torch.OneCycleLR;
import org.lr4j.torch.PolynomialLR;
import org.lr4j.torch.ReduceLROnPlateau;
import org.lr4j.torch.SequentialLR;
import org.lr4j.torch.StepLR;
import org.lr4j.torch.TorchScheduler;
import org.lr4j.transformers.SchedulerType;
import org.lr4j.transformers.Transformers;
import org.lr4j.transformers.WarmupShape;

/**
 * A PyTorch or transformers scheduler call written in Python, read and built: {@code
 * OneCycleLR(max_lr=0.1, total_steps=1000)}, {@code get_wsd_schedule(num_warmup_steps=100,
 * num_decay_steps=200, num_training_steps=1000)}, {@code get_scheduler("cosine", num_warmup_steps=10,
 * num_training_steps=100)}, {@code SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=5),
 * CosineAnnealingLR(T_max=95)], milestones=[5])}. Positional and keyword arguments bind as in Python;
 * the optimizer is implicit (the {@link ParamGroups} given to {@link #build}; a bare name in its place,
 * {@code StepLR(optimizer, 30)}, is skipped). Defaults are the reference's.
 *
 * <pre>{@code
 * ScheduleCall call = ScheduleCall.parse("OneCycleLR(max_lr=0.1, total_steps=1000)");
 * call.length();                       // OptionalLong[1000]
 * ParamGroupList groups = ParamGroupList.of(ParamGroup.of(0.1).momentum(0.9));
 * TorchScheduler s = call.build(groups, 0.1);
 * groups.lr(0);                        // 0.0040000000000000036
 * }</pre>
 *
 * <p>Errors are {@link PythonCallException}s pointing at the offending character: a malformed call, an
 * unknown name, an unknown or repeated keyword, a missing argument, a value of the wrong type, and the
 * builders' own refusals (pointing at the argument they name). Functions lr4j cannot take from text
 * ({@code LambdaLR}, {@code MultiplicativeLR}, a {@code scale_fn}) are refused with the Java API to use.
 * Where PyTorch checks {@code isinstance(x, int)} ({@code T_0}, {@code T_mult}, {@code total_steps},
 * {@code epochs}, {@code steps_per_epoch}) or {@code isinstance(pct_start, float)}, so does lr4j.
 */
public final class ScheduleCall {
    private static final Map<String, Signature> SIGNATURES = new LinkedHashMap<>();

    static {
        String le = ", last_epoch, verbose";
        sig("StepLR", "optimizer, step_size, gamma" + le, "step_size");
        sig("MultiStepLR", "optimizer, milestones, gamma" + le, "milestones");
        sig("ConstantLR", "optimizer, factor, total_iters" + le, "");
        sig("LinearLR", "optimizer, start_factor, end_factor, total_iters" + le, "");
        sig("ExponentialLR", "optimizer, gamma" + le, "gamma");
        sig("SequentialLR", "optimizer, schedulers, milestones" + le, "schedulers, milestones");
        sig("PolynomialLR", "optimizer, total_iters, power" + le, "");
        sig("CosineAnnealingLR", "optimizer, T_max, eta_min" + le, "T_max");
        sig("ChainedScheduler", "schedulers, optimizer", "schedulers");
        sig("ReduceLROnPlateau", "optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps,"
                + " verbose", "");
        sig("CyclicLR", "optimizer, base_lr, max_lr, step_size_up, step_size_down, mode, gamma, scale_fn, scale_mode,"
                + " cycle_momentum, base_momentum, max_momentum" + le, "base_lr, max_lr");
        sig("CosineAnnealingWarmRestarts", "optimizer, T_0, T_mult, eta_min" + le, "T_0");
        sig("OneCycleLR", "optimizer, max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy,"
                + " cycle_momentum, base_momentum, max_momentum, div_factor, final_div_factor, three_phase" + le,
                "max_lr");
        sig("LambdaLR", "optimizer, lr_lambda" + le, "lr_lambda");
        sig("MultiplicativeLR", "optimizer, lr_lambda" + le, "lr_lambda");
        sig("get_constant_schedule", "optimizer, last_epoch", "");
        SIGNATURES.put("get_reduce_on_plateau_schedule",
                Signature.of("get_reduce_on_plateau_schedule", "optimizer", "").withVarKeywords());
        sig("get_constant_schedule_with_warmup", "optimizer, num_warmup_steps, last_epoch", "num_warmup_steps");
        sig("get_linear_schedule_with_warmup", "optimizer, num_warmup_steps, num_training_steps, last_epoch",
                "num_warmup_steps, num_training_steps");
        sig("get_cosine_schedule_with_warmup", "optimizer, num_warmup_steps, num_training_steps, num_cycles, last_epoch",
                "num_warmup_steps, num_training_steps");
        sig("get_cosine_with_hard_restarts_schedule_with_warmup",
                "optimizer, num_warmup_steps, num_training_steps, num_cycles, last_epoch",
                "num_warmup_steps, num_training_steps");
        sig("get_polynomial_decay_schedule_with_warmup",
                "optimizer, num_warmup_steps, num_training_steps, lr_end, power, last_epoch",
                "num_warmup_steps, num_training_steps");
        sig("get_inverse_sqrt_schedule", "optimizer, num_warmup_steps, timescale, last_epoch", "num_warmup_steps");
        sig("get_cosine_with_min_lr_schedule_with_warmup",
                "optimizer, num_warmup_steps, num_training_steps, num_cycles, last_epoch, min_lr, min_lr_rate",
                "num_warmup_steps, num_training_steps");
        sig("get_cosine_with_min_lr_schedule_with_warmup_lr_rate", "optimizer, num_warmup_steps, num_training_steps,"
                + " num_cycles, last_epoch, min_lr, min_lr_rate, warmup_lr_rate", "num_warmup_steps, num_training_steps");
        sig("get_wsd_schedule", "optimizer, num_warmup_steps, num_decay_steps, num_training_steps, num_stable_steps,"
                + " warmup_type, decay_type, min_lr_ratio, num_cycles, last_epoch", "num_warmup_steps, num_decay_steps");
        sig("get_scheduler", "name, optimizer, num_warmup_steps, num_training_steps, scheduler_specific_kwargs", "name");
    }

    private static void sig(String name, String params, String required) {
        SIGNATURES.put(name, Signature.of(name, params, required));
    }

    private final String source;
    private final Bound bound;

    private ScheduleCall(String source, Bound bound) {
        this.source = source;
        this.bound = bound;
    }

    /**
     * Reads {@code source} and binds its arguments (recursively, for nested scheduler calls), without
     * building anything yet.
     *
     * @param source the call's text, as pasted from Python
     * @return the bound call, ready to build
     * @throws NullPointerException when {@code source} is null
     * @throws PythonCallException when the text is not a call, names no scheduler lr4j offers, or its
     *     arguments do not bind (unknown, repeated or missing)
     */
    public static ScheduleCall parse(String source) {
        PyValue.PyCall call = PythonCallParser.parse(source);
        Bound b = bindTree(source, call);
        return new ScheduleCall(source, b);
    }

    /** {@return every name a call can start with: PyTorch's classes and transformers' functions} */
    public static Set<String> names() {
        return new TreeSet<>(SIGNATURES.keySet());
    }

    private static Bound bindTree(String source, PyValue.PyCall call) {
        Signature sig = SIGNATURES.get(call.name());
        if (sig == null) {
            throw new PythonCallException(source, call.offset(), "unknown scheduler " + call.name() + " (lr4j reads"
                    + " torch.optim.lr_scheduler's classes and transformers' schedule functions: "
                    + String.join(", ", new TreeSet<>(SIGNATURES.keySet())) + ")", null);
        }
        Bound b = Bound.bind(source, sig, call);
        if (b.has("schedulers")) {
            for (PyValue.PyCall c : b.calls("schedulers")) {
                bindTree(source, c);
            }
        }
        if (call.name().equals("get_scheduler")) {
            getSchedulerCall(b);
        }
        return b;
    }

    /** {@return the text read} */
    public String source() {
        return source;
    }

    /** {@return the called name: {@code OneCycleLR}, {@code get_wsd_schedule}, ..} */
    public String name() {
        return bound.call.name();
    }

    /**
     * The call's own length in steps, where it has one: {@code total_steps} (or {@code epochs *
     * steps_per_epoch}) of {@code OneCycleLR}, {@code T_max} of {@code CosineAnnealingLR},
     * {@code num_training_steps} of transformers' schedules ({@code get_wsd_schedule}: the sum of its
     * phases when {@code num_stable_steps} is given), and for {@code SequentialLR} its last milestone plus
     * the last scheduler's length; for {@code ChainedScheduler} the longest of its schedulers' lengths.
     * Empty for a schedule without an end ({@code StepLR}, {@code CyclicLR}, ...).
     *
     * @return the length in steps, or empty
     */
    public OptionalLong length() {
        try {
            return length(bound);
        } catch (PythonCallException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong length(Bound b) {
        switch (b.call.name()) {
            case "OneCycleLR" -> {
                if (b.has("total_steps")) {
                    return OptionalLong.of(b.integer("total_steps", true));
                }
                if (b.has("epochs") && b.has("steps_per_epoch")) {
                    return OptionalLong.of(b.integer("epochs", true) * b.integer("steps_per_epoch", true));
                }
                return OptionalLong.empty();
            }
            case "CosineAnnealingLR" -> {
                return OptionalLong.of(b.integer("T_max", false));
            }
            case "SequentialLR" -> {
                List<PyValue.PyCall> calls = b.calls("schedulers");
                List<Long> ms = b.integers("milestones");
                if (calls.isEmpty()) {
                    return OptionalLong.empty();
                }
                OptionalLong last = length(Bound.bind(b.source, SIGNATURES.get(calls.get(calls.size() - 1).name()),
                        calls.get(calls.size() - 1)));
                if (last.isEmpty()) {
                    return last;
                }
                return OptionalLong.of((ms.isEmpty() ? 0 : ms.get(ms.size() - 1)) + last.getAsLong());
            }
            case "ChainedScheduler" -> {
                OptionalLong best = OptionalLong.empty();
                for (PyValue.PyCall c : b.calls("schedulers")) {
                    OptionalLong l = length(Bound.bind(b.source, SIGNATURES.get(c.name()), c));
                    if (l.isPresent() && (best.isEmpty() || l.getAsLong() > best.getAsLong())) {
                        best = l;
                    }
                }
                return best;
            }
            case "get_wsd_schedule" -> {
                if (b.has("num_stable_steps")) {
                    return OptionalLong.of(b.integer("num_warmup_steps", false) + b.integer("num_stable_steps", false)
                            + b.integer("num_decay_steps", false));
                }
                return b.has("num_training_steps") ? OptionalLong.of(b.integer("num_training_steps", false))
                        : OptionalLong.empty();
            }
            case "get_scheduler" -> {
                return length(getSchedulerCall(b));
            }
            default -> {
                return b.has("num_training_steps") ? OptionalLong.of(b.integer("num_training_steps", false))
                        : OptionalLong.empty();
            }
        }
    }

    /**
     * Builds the scheduler on {@code groups} (which must carry a momentum for {@code OneCycleLR} and
     * {@code CyclicLR} with {@code cycle_momentum}); {@code optimizerLr} is the optimizer's
     * {@code defaults["lr"]}, which transformers' polynomial and min-lr schedules read.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once (its initial step)
     * @param optimizerLr the optimizer's {@code defaults["lr"]}
     * @return the scheduler
     * @throws NullPointerException when {@code groups} is null
     * @throws PythonCallException when an argument has the wrong type or the builder refuses it,
     *     pointing at that argument
     */
    public TorchScheduler build(ParamGroups groups, double optimizerLr) {
        if (groups == null) {
            throw new NullPointerException("param_groups must be given, got null");
        }
        return build(bound, groups, optimizerLr);
    }

    /**
     * {@link #build(ParamGroups, double)} with {@code defaults["lr"]} the first group's {@code lr}.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once (its initial step)
     * @return the scheduler
     * @throws NullPointerException when {@code groups} is null
     * @throws PythonCallException when an argument has the wrong type or the builder refuses it
     */
    public TorchScheduler build(ParamGroups groups) {
        if (groups == null) {
            throw new NullPointerException("param_groups must be given, got null");
        }
        return build(groups, groups.lr(0));
    }

    private static TorchScheduler build(Bound b, ParamGroups groups, double optimizerLr) {
        if (b.has("last_epoch") && b.integer("last_epoch", true) != -1) {
            throw b.invalid("last_epoch", "must be -1 (lr4j resumes by restoring a state, not by last_epoch)",
                    String.valueOf(b.get("last_epoch")));
        }
        if (b.has("verbose")) {
            b.bool("verbose");
        }
        try {
            return create(b, groups, optimizerLr);
        } catch (PythonCallException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException | ArithmeticException e) {
            throw pointAt(b, e);
        }
    }

    /**
     * Points a builder's refusal at the argument it names ({@link InvalidValueException#parameter()}, the
     * reference's name; {@code max_lr[1]} points at {@code max_lr}), else at the call.
     */
    private static PythonCallException pointAt(Bound b, RuntimeException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof InvalidValueException ive) {
            String param = ive.parameter().split("\\[", 2)[0];
            if (b.values.containsKey(param)) {
                return b.error(param, b.call.name() + ": " + msg, e);
            }
        }
        return new PythonCallException(b.source, b.call.offset(), b.call.name() + ": " + msg, e);
    }

    private static TorchScheduler create(Bound b, ParamGroups groups, double optimizerLr) {
        switch (b.call.name()) {
            case "StepLR" -> {
                StepLR.Builder s = StepLR.builder(groups, b.integer("step_size", false));
                b.setNumber("gamma", s::gamma);
                return s.build();
            }
            case "MultiStepLR" -> {
                MultiStepLR.Builder s = MultiStepLR.builder(groups, b.integers("milestones"));
                b.setNumber("gamma", s::gamma);
                return s.build();
            }
            case "ConstantLR" -> {
                ConstantLR.Builder s = ConstantLR.builder(groups);
                b.setNumber("factor", s::factor);
                b.setInteger("total_iters", false, s::totalIters);
                return s.build();
            }
            case "LinearLR" -> {
                LinearLR.Builder s = LinearLR.builder(groups);
                b.setNumber("start_factor", s::startFactor);
                b.setNumber("end_factor", s::endFactor);
                b.setInteger("total_iters", false, s::totalIters);
                return s.build();
            }
            case "ExponentialLR" -> {
                return ExponentialLR.of(groups, b.number("gamma"));
            }
            case "PolynomialLR" -> {
                PolynomialLR.Builder s = PolynomialLR.builder(groups);
                b.setInteger("total_iters", false, s::totalIters);
                b.setNumber("power", s::power);
                return s.build();
            }
            case "CosineAnnealingLR" -> {
                CosineAnnealingLR.Builder s = CosineAnnealingLR.builder(groups, b.integer("T_max", false));
                b.setNumber("eta_min", s::etaMin);
                return s.build();
            }
            case "CosineAnnealingWarmRestarts" -> {
                CosineAnnealingWarmRestarts.Builder s = CosineAnnealingWarmRestarts.builder(groups,
                        b.integer("T_0", true));
                b.setInteger("T_mult", true, s::tMult);
                b.setNumber("eta_min", s::etaMin);
                return s.build();
            }
            case "CyclicLR" -> {
                return cyclic(b, groups);
            }
            case "OneCycleLR" -> {
                return oneCycle(b, groups);
            }
            case "ReduceLROnPlateau", "get_reduce_on_plateau_schedule" -> {
                return plateau(b, groups);
            }
            case "SequentialLR", "ChainedScheduler" -> {
                List<TorchScheduler> children = new ArrayList<>();
                for (PyValue.PyCall c : b.calls("schedulers")) {
                    Bound cb = Bound.bind(b.source, SIGNATURES.get(c.name()), c);
                    children.add(build(cb, groups, optimizerLr));
                }
                if (b.call.name().equals("ChainedScheduler")) {
                    return ChainedScheduler.of(children);
                }
                return SequentialLR.of(groups, children, b.integers("milestones"));
            }
            case "LambdaLR", "MultiplicativeLR" -> throw new PythonCallException(b.source, b.call.offset(),
                    b.call.name() + " takes a function, which a call in text cannot carry: build it in Java with "
                    + b.call.name() + ".of(groups, epoch -> ...)", null);
            case "get_scheduler" -> {
                return build(getSchedulerCall(b), groups, optimizerLr);
            }
            default -> {
                return transformers(b, groups, optimizerLr);
            }
        }
    }

    private static TorchScheduler cyclic(Bound b, ParamGroups groups) {
        if (b.has("scale_fn")) {
            throw b.error("scale_fn", "scale_fn takes a function, which a call in text cannot carry: use"
                    + " CyclicLR.Builder.scaleFn in Java");
        }
        CyclicLR.Builder s = CyclicLR.builder(groups, b.numbers("base_lr"), b.numbers("max_lr"));
        b.setNumber("step_size_up", s::stepSizeUp);
        b.setNumber("step_size_down", s::stepSizeDown);
        if (b.has("mode")) {
            try {
                s.mode(CyclicLR.Mode.of(b.string("mode")));
            } catch (IllegalArgumentException e) {
                if (e instanceof PythonCallException p) {
                    throw p;
                }
                throw b.error("mode", "CyclicLR: " + e.getMessage(), e);
            }
        }
        b.setNumber("gamma", s::gamma);
        b.setBool("cycle_momentum", s::cycleMomentum);
        b.setNumbers("base_momentum", s::baseMomentum);
        b.setNumbers("max_momentum", s::maxMomentum);
        return s.build();
    }

    private static TorchScheduler oneCycle(Bound b, ParamGroups groups) {
        OneCycleLR.Builder s = OneCycleLR.builder(groups, b.numbers("max_lr"));
        if (b.has("total_steps")) {
            s.totalSteps(strictPositive(b, "total_steps"));
        } else {
            if (b.has("epochs")) {
                s.epochs(strictPositive(b, "epochs"));
            }
            if (b.has("steps_per_epoch")) {
                s.stepsPerEpoch(strictPositive(b, "steps_per_epoch"));
            }
        }
        if (b.has("pct_start")) {
            if (!(b.get("pct_start") instanceof PyValue.PyFloat)) {
                throw b.invalid("pct_start", "must be a float between 0 and 1 (Expected float between 0 and 1"
                        + " pct_start)", String.valueOf(b.get("pct_start")));
            }
            s.pctStart(b.number("pct_start"));
        }
        b.setString("anneal_strategy", s::annealStrategy);
        b.setBool("cycle_momentum", s::cycleMomentum);
        b.setNumbers("base_momentum", s::baseMomentum);
        b.setNumbers("max_momentum", s::maxMomentum);
        b.setNumber("div_factor", s::divFactor);
        b.setNumber("final_div_factor", s::finalDivFactor);
        b.setBool("three_phase", s::threePhase);
        return s.build();
    }

    /** PyTorch: {@code x <= 0 or not isinstance(x, int)} raises {@code Expected positive integer x}. */
    private static long strictPositive(Bound b, String param) {
        PyValue v = b.get(param);
        if (!(v instanceof PyValue.PyInt i) || i.value() <= 0) {
            throw b.invalid(param, "must be a positive integer (Expected positive integer " + param + ")",
                    String.valueOf(v));
        }
        return i.value();
    }

    private static TorchScheduler plateau(Bound b, ParamGroups groups) {
        for (String k : b.values.keySet()) {
            if (!SIGNATURES.get("ReduceLROnPlateau").params().contains(k)) {
                throw new PythonCallException(b.source, b.offsets.get(k), "ReduceLROnPlateau() got an unexpected keyword"
                        + " argument '" + k + "'", null);
            }
        }
        ReduceLROnPlateau.Builder s = ReduceLROnPlateau.builder(groups);
        b.setString("mode", s::mode);
        b.setNumber("factor", s::factor);
        b.setInteger("patience", false, s::patience);
        b.setNumber("threshold", s::threshold);
        b.setString("threshold_mode", s::thresholdMode);
        b.setInteger("cooldown", false, s::cooldown);
        b.setNumbers("min_lr", s::minLr);
        b.setNumber("eps", s::eps);
        return s.build();
    }

    private static TorchScheduler transformers(Bound b, ParamGroups groups, double optimizerLr) {
        String name = b.call.name();
        switch (name) {
            case "get_constant_schedule" -> {
                return Transformers.getConstantSchedule(groups);
            }
            case "get_constant_schedule_with_warmup" -> {
                return Transformers.getConstantScheduleWithWarmup(groups, b.integer("num_warmup_steps", false));
            }
            default -> {
                // the rest take num_warmup_steps (and, but inverse_sqrt, num_training_steps)
            }
        }
        long warmup = b.integer("num_warmup_steps", false);
        switch (name) {
            case "get_inverse_sqrt_schedule" -> {
                return Transformers.getInverseSqrtSchedule(groups, warmup, b.optionalInteger("timescale", false));
            }
            case "get_wsd_schedule" -> {
                WarmupShape w = shape(b, "warmup_type", WarmupShape.LINEAR);
                WarmupShape d = shape(b, "decay_type", WarmupShape.COSINE);
                return Transformers.getWsdSchedule(groups, warmup, b.integer("num_decay_steps", false),
                        b.optionalInteger("num_training_steps", false), b.optionalInteger("num_stable_steps", false), w, d,
                        b.has("min_lr_ratio") ? b.number("min_lr_ratio") : 0, b.has("num_cycles") ? b.number("num_cycles")
                                : 0.5);
            }
            default -> {
                // below
            }
        }
        long training = b.integer("num_training_steps", false);
        return switch (name) {
            case "get_linear_schedule_with_warmup" -> Transformers.getLinearScheduleWithWarmup(groups, warmup, training);
            case "get_cosine_schedule_with_warmup" -> Transformers.getCosineScheduleWithWarmup(groups, warmup, training,
                    b.has("num_cycles") ? b.number("num_cycles") : 0.5);
            case "get_cosine_with_hard_restarts_schedule_with_warmup" ->
                    Transformers.getCosineWithHardRestartsScheduleWithWarmup(groups, warmup, training,
                            b.has("num_cycles") ? b.number("num_cycles") : 1);
            case "get_polynomial_decay_schedule_with_warmup" -> Transformers.getPolynomialDecayScheduleWithWarmup(groups,
                    optimizerLr, warmup, training, b.has("lr_end") ? b.number("lr_end") : 1e-7,
                    b.has("power") ? b.number("power") : 1.0);
            case "get_cosine_with_min_lr_schedule_with_warmup" -> Transformers.getCosineWithMinLrScheduleWithWarmup(
                    groups, optimizerLr, warmup, training, b.has("num_cycles") ? b.number("num_cycles") : 0.5,
                    b.optionalNumber("min_lr"), b.optionalNumber("min_lr_rate"));
            case "get_cosine_with_min_lr_schedule_with_warmup_lr_rate" ->
                    Transformers.getCosineWithMinLrScheduleWithWarmupLrRate(groups, optimizerLr, warmup, training,
                            b.has("num_cycles") ? b.number("num_cycles") : 0.5, b.optionalNumber("min_lr"),
                            b.optionalNumber("min_lr_rate"), b.optionalNumber("warmup_lr_rate"));
            default -> throw new PythonCallException(b.source, b.call.offset(), "unknown scheduler " + name, null);
        };
    }

    private static WarmupShape shape(Bound b, String param, WarmupShape dflt) {
        if (!b.has(param)) {
            return dflt;
        }
        try {
            return WarmupShape.of(param, b.string(param));
        } catch (PythonCallException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw b.error(param, b.call.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * transformers' {@code get_scheduler(name, optimizer, num_warmup_steps, num_training_steps,
     * scheduler_specific_kwargs)} as the call of the function {@code name} maps to
     * ({@code TYPE_TO_SCHEDULER_FUNCTION}), passing the arguments as transformers does: {@code constant}
     * takes none, {@code reduce_lr_on_plateau} only the specific ones, {@code constant_with_warmup} and
     * {@code inverse_sqrt} only {@code num_warmup_steps}, {@code warmup_stable_decay} the warmup and
     * training steps (which may be None) and the specific ones, the others all.
     */
    private static Bound getSchedulerCall(Bound b) {
        PyValue nameValue = b.get("name");
        if (!(nameValue instanceof PyValue.PyStr nameStr)) {
            throw b.error("name", "name must be a SchedulerType string such as \"cosine\", got " + nameValue);
        }
        SchedulerType type;
        try {
            type = SchedulerType.of(nameStr.value());
        } catch (IllegalArgumentException e) {
            throw b.error("name", "get_scheduler: " + e.getMessage(), e);
        }
        Map<String, PyValue> kwargs = new LinkedHashMap<>();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        PyValue specificValue = b.get("scheduler_specific_kwargs");
        if (specificValue != null && !(specificValue instanceof PyValue.PyDict)) {
            throw b.error("scheduler_specific_kwargs", "scheduler_specific_kwargs must be a dict, got " + specificValue);
        }
        PyValue.PyDict specific = (PyValue.PyDict) specificValue;
        String fn = type.functionName();
        switch (type) {
            case CONSTANT -> {
                // schedule_func(optimizer)
            }
            case REDUCE_ON_PLATEAU -> addAll(specific, kwargs, offsets);
            default -> {
                if (!b.has("num_warmup_steps")) {
                    throw new PythonCallException(b.source, b.call.offset(), type.value() + " requires"
                            + " `num_warmup_steps`, please provide that argument.", null);
                }
                put(b, "num_warmup_steps", kwargs, offsets);
                if (type == SchedulerType.CONSTANT_WITH_WARMUP || type == SchedulerType.INVERSE_SQRT) {
                    break;
                }
                if (type != SchedulerType.WARMUP_STABLE_DECAY && !b.has("num_training_steps")) {
                    throw new PythonCallException(b.source, b.call.offset(), type.value() + " requires"
                            + " `num_training_steps`, please provide that argument.", null);
                }
                put(b, "num_training_steps", kwargs, offsets);
                addAll(specific, kwargs, offsets);
            }
        }
        PyValue.PyCall call = new PyValue.PyCall(fn, List.of(), kwargs, offsets, b.call.offset());
        return Bound.bind(b.source, SIGNATURES.get(fn), call);
    }

    private static void put(Bound b, String param, Map<String, PyValue> kwargs, Map<String, Integer> offsets) {
        if (b.values.containsKey(param)) {
            kwargs.put(param, b.values.get(param));
            offsets.put(param, b.offsets.get(param));
        }
    }

    private static void addAll(PyValue.PyDict specific, Map<String, PyValue> kwargs, Map<String, Integer> offsets) {
        if (specific == null) {
            return;
        }
        for (Map.Entry<String, PyValue> e : specific.entries().entrySet()) {
            kwargs.put(e.getKey(), e.getValue());
            offsets.put(e.getKey(), specific.keyOffsets().get(e.getKey()));
        }
    }
}
