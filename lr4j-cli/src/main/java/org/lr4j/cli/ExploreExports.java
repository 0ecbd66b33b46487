package org.lr4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerOption;
import org.lr4j.schedule.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One configuration of {@code lr4j explore} written three ways, each of which prints or builds the same
 * schedule as {@code lr4j table} with the same flags: the {@code ./lr4j table} command line, Java code
 * on lr4j's {@link SchedulerConfig} builder, and timm's Python call (the scheduler's constructor).
 */
final class ExploreExports {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._,:/+=@%-]+");

    private ExploreExports() {
    }

    /**
     * The three exports of the table command's arguments {@code args} ({@link ExploreApi#toArgs}).
     *
     * @throws ExploreApi.BadRequest with the table command's line when the flags are refused
     */
    static Map<String, String> all(List<String> args) {
        TableCommand t = ExploreApi.parse(args);
        SchedulerConfig config = null;
        try {
            config = t == null ? null : t.schedule.toConfig();
        } catch (UsageError e) {
            config = null;
        }
        if (config == null) {
            ExploreApi.runTable(args, "csv"); // throws the command's own line
            throw new IllegalStateException("the table command accepted flags its parser refused");
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cli", cli(args));
        if (t.python.given()) {
            long steps;
            try {
                steps = t.python.steps(t.python.call());
            } catch (UsageError e) {
                throw new ExploreApi.BadRequest("lr4j table: " + e.getMessage());
            }
            m.put("java", torchJava(t, config, steps, args));
            m.put("python", torchPython(t, config, steps));
        } else {
            m.put("java", java(t, args));
            m.put("python", python(t, config));
        }
        return m;
    }

    /** {@code ./lr4j table FLAGS}, quoted for a POSIX shell. */
    static String cli(List<String> args) {
        StringBuilder sb = new StringBuilder("./lr4j table");
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                sb.append(' ').append(a);
            } else {
                String value = a.substring(eq + 1);
                if (value.startsWith("-") || value.isEmpty()) {
                    sb.append(' ').append(quote(a));
                } else {
                    sb.append(' ').append(a, 0, eq).append(' ').append(quote(value));
                }
            }
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static String camel(String flag) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : flag.substring(2).toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static String javaLiteral(Object v) {
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Long l) {
            return l + "L";
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(javaLiteral(o));
            }
            return "List.of(" + String.join(", ", parts) + ")";
        }
        String s = String.valueOf(v);
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A Java program that builds the configuration with {@link SchedulerConfig}'s builder and prints the
     * table as {@code lr4j table} prints it (CSV).
     */
    static String java(TableCommand t, List<String> args) {
        StringBuilder b = new StringBuilder();
        CommandLine.Model.CommandSpec spec = t.spec; // the parsed command: the schedule flags' values live in its options
        boolean profile = false;
        for (SchedulerOption<?> o : SchedulerOption.all()) {
            OptionSpec option = spec.findOption(o.flag());
            Object v = option == null ? null : option.getValue();
            if (v == null) {
                continue;
            }
            String value = javaLiteral(v);
            if (o.type() == SchedulerOption.Type.PROFILE) {
                value = "Profile.fromLabel(" + value + ")";
                profile = true;
            }
            b.append("                .").append(camel(o.flag())).append('(').append(value).append(")\n");
        }
        String groups = "ParamGroupList.of(config.effectiveLr())";
        if (t.lrScales != null && !t.lrScales.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (double s : t.lrScales) {
                parts.add("ParamGroup.of(config.effectiveLr()).lrScale(" + s + ")");
            }
            groups = "ParamGroupList.of(List.of(\n                " + String.join(",\n                ", parts) + "))";
        }
        String metrics = t.curve.metrics == null ? "null" : javaLiteral(t.curve.metrics);
        String end = t.endEpoch == null ? "created.numEpochs()" : t.endEpoch + "L";
        return "import java.util.List;\n"
                + "import org.lr4j.factory.CreatedScheduler;\n"
                + "import org.lr4j.factory.SchedulerConfig;\n"
                + "import org.lr4j.factory.SchedulerFactory;\n"
                + "import org.lr4j.factory.TrainLoop;\n"
                + (t.lrScales != null && !t.lrScales.isEmpty() ? "import org.lr4j.group.ParamGroup;\n" : "")
                + "import org.lr4j.group.ParamGroupList;\n"
                + "import org.lr4j.schedule.LRScheduler;\n"
                + (profile ? "import org.lr4j.schedule.Profile;\n" : "")
                + "\n"
                + "/** The schedule of {@code " + cli(args).replace("*/", "* /") + "}, printed as that command prints it. */\n"
                + "public final class LrSchedule {\n"
                + "    public static void main(String[] args) {\n"
                + "        SchedulerConfig config = SchedulerConfig.builder()\n"
                + b
                + "                .build();\n"
                + "        long updatesPerEpoch = " + t.updatesPerEpoch + "L;\n"
                + "        ParamGroupList groups = " + groups + ";\n"
                + "        CreatedScheduler created = SchedulerFactory.create(config, groups, updatesPerEpoch);\n"
                + "        LRScheduler scheduler = created.scheduler();\n"
                + "        long startEpoch = " + t.startEpoch + "L;\n"
                + "        long endEpoch = " + end + ";\n"
                + "        List<Double> metrics = " + metrics + ";\n"
                + "        TrainLoop.resume(scheduler, config.schedOnUpdates(), startEpoch, updatesPerEpoch);\n"
                + "        StringBuilder out = new StringBuilder(\"epoch,update,lr\");\n"
                + "        for (int g = 0; g < groups.size(); g++) {\n"
                + "            out.append(\",group\").append(g);\n"
                + "        }\n"
                + "        out.append('\\n');\n"
                + "        TrainLoop.drive(scheduler, startEpoch, endEpoch, updatesPerEpoch, metrics, new TrainLoop.Listener() {\n"
                + "            @Override\n"
                + "            public void epochStart(long epoch, double[] lrs) {\n"
                + "                if (!config.schedOnUpdates()) {\n"
                + "                    row(out, epoch, epoch * updatesPerEpoch, lrs);\n"
                + "                }\n"
                + "            }\n"
                + "\n"
                + "            @Override\n"
                + "            public void beforeUpdate(long epoch, long update, double[] lrs) {\n"
                + "                row(out, epoch, update, lrs);\n"
                + "            }\n"
                + "        });\n"
                + "        System.out.print(out);\n"
                + "    }\n"
                + "\n"
                + "    static void row(StringBuilder out, long epoch, long update, double[] lrs) {\n"
                + "        double sum = 0;\n"
                + "        for (double v : lrs) {\n"
                + "            sum += v;\n"
                + "        }\n"
                + "        out.append(epoch).append(',').append(update).append(',').append(sum / lrs.length);\n"
                + "        for (double v : lrs) {\n"
                + "            out.append(',').append(v);\n"
                + "        }\n"
                + "        out.append('\\n');\n"
                + "    }\n"
                + "}\n";
    }

    private static String py(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return d.isInfinite() ? (d > 0 ? "float('inf')" : "float('-inf')") : d.isNaN() ? "float('nan')" : Double.toString(d);
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(py(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return "'" + String.valueOf(v).replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** timm's class for a {@code --sched} name. */
    static String pythonClass(String sched) {
        return switch (sched) {
            case "tanh" -> "TanhLRScheduler";
            case "cosine" -> "CosineLRScheduler";
            case "poly" -> "PolyLRScheduler";
            case "step" -> "StepLRScheduler";
            case "multistep" -> "MultiStepLRScheduler";
            case "plateau" -> "PlateauLRScheduler";
            default -> throw new IllegalArgumentException("sched must be one of "
                    + String.join(", ", SchedulerConfig.SCHEDULERS) + ", got " + sched);
        };
    }

    /**
     * The keyword arguments of timm's scheduler constructor that train.py's {@code create_scheduler_v2}
     * passes for {@code c} (lr4j's {@link org.lr4j.factory.SchedulerFactory} documents the same mapping and
     * builds from it): counts in updates with {@code sched_on_updates}, noise fractions of {@code t_initial},
     * {@code noise_seed = seed}; timm 0.4's tanh takes {@code t_mul}, and {@code decay_rate} and
     * {@code warmup_prefix} as their {@link org.lr4j.factory.SchedulerOption}s describe.
     */
    static Map<String, Object> pythonKwargs(SchedulerConfig c, long updatesPerEpoch) {
        boolean updates = c.schedOnUpdates();
        long mult = updates ? updatesPerEpoch : 1;
        long tInitial = c.epochs() * mult;
        boolean old = c.timm() == Profile.TIMM_0_4;
        double cycleDecay = c.lrCycleDecay();
        Map<String, Object> kw = new LinkedHashMap<>();
        switch (c.sched()) {
            case "tanh" -> {
                kw.put("t_initial", tInitial);
                if (c.lb() != null) {
                    kw.put("lb", c.lb());
                }
                if (c.ub() != null) {
                    kw.put("ub", c.ub());
                }
                kw.put("lr_min", c.minLr());
                kw.put(old ? "t_mul" : "cycle_mul", c.lrCycleMul());
                kw.put(old ? "decay_rate" : "cycle_decay", cycleDecay);
                kw.put("cycle_limit", c.lrCycleLimit());
                kw.put("warmup_prefix", c.warmupPrefix());
            }
            case "cosine", "poly" -> {
                kw.put("t_initial", tInitial);
                if (c.sched().equals("poly")) {
                    kw.put("power", c.decayRate());
                }
                kw.put("lr_min", c.minLr());
                kw.put("cycle_mul", c.lrCycleMul());
                kw.put("cycle_decay", cycleDecay);
                kw.put("cycle_limit", c.lrCycleLimit());
                kw.put("k_decay", c.lrKDecay());
                kw.put("warmup_prefix", c.warmupPrefix());
            }
            case "step" -> {
                kw.put("decay_t", c.decayEpochs() * mult);
                kw.put("decay_rate", c.decayRate());
                kw.put("warmup_prefix", c.warmupPrefix());
            }
            case "multistep" -> {
                List<Double> milestones = new ArrayList<>();
                for (double m : c.decayMilestones()) {
                    milestones.add(m * mult);
                }
                kw.put("decay_t", milestones);
                kw.put("decay_rate", c.decayRate());
                kw.put("warmup_prefix", c.warmupPrefix());
            }
            case "plateau" -> {
                kw.put("decay_rate", c.decayRate());
                kw.put("patience_t", c.patienceEpochs());
                kw.put("cooldown_t", 0L);
                kw.put("lr_min", c.minLr());
                kw.put("mode", c.evalMetric().contains("loss") ? "min" : "max");
            }
            default -> throw new IllegalArgumentException("sched must be one of "
                    + String.join(", ", SchedulerConfig.SCHEDULERS) + ", got " + c.sched());
        }
        kw.put("warmup_t", c.warmupEpochs() * mult);
        kw.put("warmup_lr_init", c.warmupLr());
        kw.put("t_in_epochs", !updates);
        Object noise = null;
        if (c.lrNoise() != null && !c.lrNoise().isEmpty()) {
            List<Double> n = new ArrayList<>();
            for (double f : c.lrNoise()) {
                n.add(f * tInitial);
            }
            noise = n.size() == 1 ? n.get(0) : n;
        }
        kw.put("noise_range_t", noise);
        kw.put("noise_pct", c.lrNoisePct());
        kw.put("noise_std", c.lrNoiseStd());
        kw.put("noise_seed", c.seed());
        return kw;
    }

    /**
     * timm's Python call for the configuration, {@code TanhLRScheduler(optimizer, t_initial=50, ...)} (the
     * scheduler {@code create_scheduler_v2} would build for train.py's flags, written out so that every
     * argument, {@code lb}/{@code ub} and timm 0.4 included, is there), then the loop that prints the table's
     * rows as train.py drives the schedule.
     */
    static String python(TableCommand t, SchedulerConfig c) {
        boolean updates = c.schedOnUpdates();
        long upe = t.updatesPerEpoch;
        boolean old = c.timm() == Profile.TIMM_0_4;
        String cls = pythonClass(c.sched());
        StringBuilder s = new StringBuilder();
        s.append(old ? "# timm 0.4.x\n" : "").append("import torch\nfrom timm.scheduler import ").append(cls).append("\n\n");
        if (t.lrScales == null || t.lrScales.isEmpty()) {
            s.append("optimizer = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=").append(py(c.effectiveLr()))
                    .append(")\n");
        } else {
            s.append("optimizer = torch.optim.SGD([\n");
            for (double scale : t.lrScales) {
                s.append("    {'params': [torch.nn.Parameter(torch.zeros(1))], 'lr_scale': ").append(py(scale)).append("},\n");
            }
            s.append("], lr=").append(py(c.effectiveLr())).append(")\n");
        }
        s.append("scheduler = ").append(cls).append("(\n    optimizer,\n");
        for (Map.Entry<String, Object> e : pythonKwargs(c, upe).entrySet()) {
            s.append("    ").append(e.getKey()).append('=').append(py(e.getValue())).append(",\n");
        }
        s.append(")\n");
        long mult = updates ? upe : 1;
        boolean cyclic = c.sched().equals("tanh") || c.sched().equals("cosine") || c.sched().equals("poly");
        String numEpochs = cyclic
                ? (updates ? "(scheduler.get_cycle_length() + " + c.cooldownEpochs() * mult + ") // " + upe
                        : "scheduler.get_cycle_length() + " + c.cooldownEpochs())
                : Long.toString(c.epochs() + (c.warmupPrefix() ? c.warmupEpochs() : 0));
        s.append("num_epochs = ").append(numEpochs).append("  # as train.py counts them\n");
        long start = t.startEpoch;
        String end = t.endEpoch == null ? "num_epochs" : Long.toString(t.endEpoch);
        if (t.curve.metrics != null) {
            s.append("metrics = ").append(py(t.curve.metrics)).append("  # the eval metric at the end of each epoch\n");
        }
        s.append("\n# as train.py drives it: the rate at the start of each epoch")
                .append(updates ? " (before each update)" : "").append("\n");
        if (start > 0) {
            s.append(updates ? "scheduler.step_update(num_updates=" + start * upe + ")\n" : "scheduler.step(" + start + ")\n");
        }
        s.append("for epoch in range(").append(start == 0 ? "" : start + ", ").append(end).append("):\n");
        if (updates) {
            s.append("    for i in range(").append(upe).append("):\n");
            s.append("        num_updates = epoch * ").append(upe).append(" + i\n");
            s.append("        print(epoch, num_updates, [g['lr'] for g in optimizer.param_groups])\n");
            s.append("        scheduler.step_update(num_updates=num_updates + 1)\n");
        } else {
            s.append("    print(epoch, epoch * ").append(upe).append(", [g['lr'] for g in optimizer.param_groups])\n");
        }
        s.append("    scheduler.step(epoch + 1")
                .append(t.curve.metrics == null ? "" : ", metrics[epoch] if epoch < len(metrics) else None").append(")\n");
        return s.toString();
    }

    private static double momentum(TableCommand t) {
        return t.curve.momentum != null ? t.curve.momentum : 0.9;
    }

    private static boolean adam(SchedulerConfig c) {
        return c.opt() != null && (c.opt().equalsIgnoreCase("adam") || c.opt().equalsIgnoreCase("adamw"));
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * For {@code --schedule}: a Java program that reads the same Python call with lr4j's
     * {@link org.lr4j.python.ScheduleCall}, builds it on the table's implicit optimizer and prints the
     * table's {@code step}, {@code lr} and {@code group0} columns.
     */
    static String torchJava(TableCommand t, SchedulerConfig c, long steps, List<String> args) {
        String group = adam(c) ? "ParamGroup.of(" + c.effectiveLr() + ").beta1(0.9)"
                : "ParamGroup.of(" + c.effectiveLr() + ").momentum(" + momentum(t) + ")";
        String metrics = t.curve.metrics == null ? "null" : javaLiteral(t.curve.metrics);
        return "import java.util.List;\n"
                + "import org.lr4j.group.ParamGroup;\n"
                + "import org.lr4j.group.ParamGroupList;\n"
                + "import org.lr4j.python.ScheduleCall;\n"
                + "import org.lr4j.torch.TorchScheduler;\n"
                + "\n"
                + "/** The schedule of {@code " + cli(args).replace("*/", "* /") + "}, printed as that command prints it. */\n"
                + "public final class LrSchedule {\n"
                + "    public static void main(String[] args) {\n"
                + "        ScheduleCall call = ScheduleCall.parse(" + javaString(t.python.schedule) + ");\n"
                + "        ParamGroupList groups = ParamGroupList.of(" + group + ");\n"
                + "        TorchScheduler scheduler = call.build(groups, groups.lr(0));\n"
                + "        List<Double> metrics = " + metrics + ";\n"
                + "        StringBuilder out = new StringBuilder(\"step,lr,group0\\n\");\n"
                + "        for (long step = 0; step < " + steps + "L; step++) {\n"
                + "            if (step > 0) {\n"
                + "                if (scheduler.needsMetric()) {\n"
                + "                    scheduler.step(metrics.get((int) step - 1));\n"
                + "                } else {\n"
                + "                    scheduler.step();\n"
                + "                }\n"
                + "            }\n"
                + "            out.append(step).append(',').append(groups.lr(0)).append(',').append(groups.lr(0)).append('\\n');\n"
                + "        }\n"
                + "        System.out.print(out);\n"
                + "    }\n"
                + "}\n";
    }

    /**
     * For {@code --schedule}: the Python call as PyTorch or transformers takes it, with the optimizer
     * passed to every scheduler in it, on the table's implicit optimizer, and the loop that prints each
     * step's rate.
     */
    static String torchPython(TableCommand t, SchedulerConfig c, long steps) {
        String source = t.python.schedule.strip();
        java.util.Set<String> names = org.lr4j.python.ScheduleCall.names();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\(\\s*(\\)?)").matcher(source);
        StringBuilder call = new StringBuilder();
        java.util.Set<String> torch = new java.util.TreeSet<>();
        java.util.Set<String> transformers = new java.util.TreeSet<>();
        while (m.find()) {
            String name = m.group(1);
            if (names.contains(name)) {
                (name.startsWith("get_") ? transformers : torch).add(name);
                boolean explicit = source.startsWith("optimizer", m.end(1) + 1);
                m.appendReplacement(call, java.util.regex.Matcher.quoteReplacement(explicit ? m.group()
                        : name + (m.group(2).isEmpty() ? "(optimizer, " : "(optimizer)")));
            }
        }
        m.appendTail(call);
        StringBuilder s = new StringBuilder("import torch\n");
        if (!torch.isEmpty()) {
            s.append("from torch.optim.lr_scheduler import ").append(String.join(", ", torch)).append('\n');
        }
        if (!transformers.isEmpty()) {
            s.append("from transformers import ").append(String.join(", ", transformers)).append('\n');
        }
        s.append('\n');
        s.append("optimizer = torch.optim.").append(adam(c) ? "Adam" : "SGD").append("([torch.nn.Parameter(torch.zeros(1))], lr=")
                .append(py(c.effectiveLr())).append(adam(c) ? "" : ", momentum=" + py(momentum(t))).append(")\n");
        s.append("scheduler = ").append(call).append('\n');
        if (t.curve.metrics != null) {
            s.append("metrics = ").append(py(t.curve.metrics)).append("  # passed to step() after each step\n");
        }
        s.append("\nfor step in range(").append(steps).append("):\n");
        s.append("    print(step, optimizer.param_groups[0]['lr'])\n");
        s.append("    optimizer.step()\n");
        s.append("    scheduler.step(").append(t.curve.metrics == null ? "" : "metrics[step]").append(")\n");
        return s.toString();
    }
}
