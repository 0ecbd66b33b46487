package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.regex.Pattern;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.TrainLoop;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.python.TimmKwargs;
import org.lr4j.schedule.CyclicLRScheduler;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.schedule.Profile;

/**
 * Each export of {@code lr4j explore}, read back: the command line run through the CLI's entry point and
 * the Java program compiled (javax.tools, against lr4j-core's classes) and run, each giving exactly the
 * table that {@code lr4j table} prints for the same flags.
 */
class ExploreExportsTest {
    @TempDir
    Path dir;

    /** Splits a POSIX shell line of words and single-quoted words. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    w.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                any = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                any = true;
            } else if (c == ' ') {
                if (any || w.length() > 0) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    static String table(String query) {
        Cli cli = Cli.run(ExploreApiTest.tableArgs(query));
        assertEquals(0, cli.status(), () -> query + ": " + cli.err());
        return cli.out();
    }

    @Test
    void commandLineReproducesTheTable() {
        for (String q : ExploreApiTest.CASES) {
            String line = ExploreExports.all(ExploreApi.toArgs(q)).get("cli");
            List<String> words = shellWords(line);
            assertEquals(List.of("./lr4j", "table"), words.subList(0, 2), line);
            Cli cli = Cli.run(words.subList(1, words.size()).toArray(String[]::new));
            assertEquals(0, cli.status(), () -> line + ": " + cli.err());
            assertEquals(table(q), cli.out(), line);
        }
        assertEquals("./lr4j table --sched tanh --epochs 50 --warmup-epochs 5 --lb=-6",
                ExploreExports.cli(ExploreApi.toArgs("sched=tanh&epochs=50&warmup-epochs=5&lb=-6")));
        assertEquals(List.of("./lr4j", "table", "--eval-metric", "val loss"),
                shellWords(ExploreExports.cli(ExploreApi.toArgs("eval-metric=val%20loss"))));
    }

    @Test
    void javaCodeCompilesAndPrintsTheTable() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String core = Path.of(SchedulerConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int n = 0;
        for (String q : ExploreApiTest.CASES) {
            Path src = dir.resolve("case" + n++);
            Files.createDirectories(src);
            Path file = src.resolve("LrSchedule.java");
            Files.writeString(file, ExploreExports.all(ExploreApi.toArgs(q)).get("java"));
            StringWriter diagnostics = new StringWriter();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = javac.run(null, null, errors, "-classpath", core, "-d", src.toString(), "-Xlint:all",
                    "-Werror", file.toString());
            assertEquals(0, status, () -> q + ": " + errors.toString(StandardCharsets.UTF_8) + diagnostics);
            String printed;
            PrintStream out = System.out;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {src.toUri().toURL()}, getClass().getClassLoader())) {
                System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
                loader.loadClass("LrSchedule").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            } finally {
                System.setOut(out);
            }
            printed = buffer.toString(StandardCharsets.UTF_8);
            assertEquals(table(q), printed, q);
        }
    }

    /** A Python literal of the export: None, True, False, a number, a quoted string or a list of these. */
    static Object pyValue(String text) {
        String v = text.strip();
        if (v.equals("None")) {
            return null;
        }
        if (v.equals("True") || v.equals("False")) {
            return v.equals("True");
        }
        if (v.startsWith("'")) {
            return v.substring(1, v.length() - 1).replace("\\'", "'").replace("\\\\", "\\");
        }
        if (v.startsWith("[")) {
            List<Object> out = new ArrayList<>();
            for (String part : v.substring(1, v.length() - 1).split(",")) {
                if (!part.isBlank()) {
                    out.add(pyValue(part));
                }
            }
            return out;
        }
        return v.matches("-?\\d+") ? (Object) Long.parseLong(v) : (Object) Double.parseDouble(v);
    }

    /** A parsed Python value as the plain Java value {@link TimmKwargs} takes. */
    static Object plain(org.lr4j.python.PyValue v) {
        if (v instanceof org.lr4j.python.PyValue.PyInt i) {
            return i.value();
        }
        if (v instanceof org.lr4j.python.PyValue.PyFloat f) {
            return f.value();
        }
        if (v instanceof org.lr4j.python.PyValue.PyBool b) {
            return b.value();
        }
        if (v instanceof org.lr4j.python.PyValue.PyStr t) {
            return t.value();
        }
        if (v instanceof org.lr4j.python.PyValue.PyList l) {
            List<Object> out = new ArrayList<>();
            for (org.lr4j.python.PyValue item : l.items()) {
                out.add(plain(item));
            }
            return out;
        }
        if (v instanceof org.lr4j.python.PyValue.PyNone) {
            return null;
        }
        throw new AssertionError("not a literal: " + v);
    }

    /**
     * Reads the Python export back: the call is read by lr4j's parser of Python calls
     * ({@link org.lr4j.python.PythonCallParser}), its keyword arguments go through lr4j's reader of timm's
     * arguments ({@link TimmKwargs}), the optimizer's lr and lr_scale make the groups, and the loop's
     * bounds drive it as the export's loop does; the rows are printed as the table prints them.
     */
    @SuppressWarnings("unchecked")
    static String runPython(String py) {
        // the call, from "scheduler = Name(" to the line ")", read by lr4j's parser of Python calls
        java.util.regex.Matcher callText = Pattern.compile("(?ms)^scheduler = (\\w+\\(.*?^\\))$").matcher(py);
        assertTrue(callText.find(), py);
        org.lr4j.python.PyValue.PyCall parsed = org.lr4j.python.PythonCallParser.parse(callText.group(1));
        Map<String, Object> kwargs = new java.util.LinkedHashMap<>();
        parsed.kwargs().forEach((k, v) -> kwargs.put(k, plain(v)));
        assertEquals(List.of("optimizer"), parsed.args().stream().map(Object::toString).toList(), py);
        String cls = parsed.name();
        List<Double> scales = new ArrayList<>();
        double lr = Double.NaN;
        String numEpochs = null;
        List<Object> metrics = null;
        long start = 0;
        String end = null;
        boolean inCall = false;
        for (String line : py.split("\n")) {
            java.util.regex.Matcher m;
            if (line.startsWith("scheduler = ")) {
                inCall = true;
            } else if (inCall) {
                inCall = !line.equals(")");
            } else if ((m = Pattern.compile("'lr_scale': ([^}]+)}").matcher(line)).find()) {
                scales.add(((Number) pyValue(m.group(1))).doubleValue());
            } else if ((m = Pattern.compile("lr=([^)]+)\\)$").matcher(line)).find()) {
                lr = ((Number) pyValue(m.group(1))).doubleValue();
            } else if ((m = Pattern.compile("^num_epochs = (.*?)  #").matcher(line)).find()) {
                numEpochs = m.group(1);
            } else if ((m = Pattern.compile("^metrics = (\\[.*\\])").matcher(line)).find()) {
                metrics = (List<Object>) pyValue(m.group(1));
            } else if ((m = Pattern.compile("^for epoch in range\\((?:(\\d+), )?(\\w+)\\):$").matcher(line)).matches()) {
                start = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
                end = m.group(2);
            }
        }
        String sched = Map.of("TanhLRScheduler", "tanh", "CosineLRScheduler", "cosine", "PolyLRScheduler", "poly",
                "StepLRScheduler", "step", "MultiStepLRScheduler", "multistep", "PlateauLRScheduler", "plateau").get(cls);
        List<ParamGroup> groups = new ArrayList<>();
        for (double scale : scales.isEmpty() ? List.of(Double.NaN) : scales) {
            groups.add(Double.isNaN(scale) ? ParamGroup.of(lr) : ParamGroup.of(lr).lrScale(scale));
        }
        ParamGroupList list = ParamGroupList.of(groups);
        LRScheduler s = TimmKwargs.create(sched, py.startsWith("# timm 0.4") ? Profile.TIMM_0_4 : Profile.CURRENT,
                kwargs, list);
        boolean onUpdates = Boolean.FALSE.equals(kwargs.get("t_in_epochs"));
        java.util.regex.Matcher upeMatch = Pattern.compile("for i in range\\((\\d+)\\)").matcher(py);
        java.util.regex.Matcher printMatch = Pattern.compile("print\\(epoch, epoch \\* (\\d+),").matcher(py);
        long upe = upeMatch.find() ? Long.parseLong(upeMatch.group(1)) : printMatch.find() ? Long.parseLong(printMatch.group(1)) : -1;
        long epochs;
        java.util.regex.Matcher cycle = Pattern.compile("^\\(?scheduler.get_cycle_length\\(\\) \\+ (\\d+)\\)?(?: // (\\d+))?$")
                .matcher(numEpochs);
        if (cycle.matches()) {
            long t = ((CyclicLRScheduler) s).cycleLength() + Long.parseLong(cycle.group(1));
            epochs = cycle.group(2) == null ? t : t / Long.parseLong(cycle.group(2));
        } else {
            epochs = Long.parseLong(numEpochs);
        }
        long last = end.equals("num_epochs") ? epochs : Long.parseLong(end);
        List<Double> metricValues = null;
        if (metrics != null) {
            metricValues = new ArrayList<>();
            for (Object o : metrics) {
                metricValues.add(((Number) o).doubleValue());
            }
        }
        StringBuilder out = new StringBuilder("epoch,update,lr");
        for (int g = 0; g < list.size(); g++) {
            out.append(",group").append(g);
        }
        out.append('\n');
        TrainLoop.resume(s, onUpdates, start, upe);
        long perEpoch = upe;
        TrainLoop.drive(s, start, last, upe, metricValues, new TrainLoop.Listener() {
            @Override
            public void epochStart(long epoch, double[] lrs) {
                if (!onUpdates) {
                    row(epoch, epoch * perEpoch, lrs);
                }
            }

            @Override
            public void beforeUpdate(long epoch, long update, double[] lrs) {
                row(epoch, update, lrs);
            }

            void row(long epoch, long update, double[] lrs) {
                double sum = 0;
                for (double v : lrs) {
                    sum += v;
                }
                out.append(epoch).append(',').append(update).append(',').append(sum / lrs.length);
                for (double v : lrs) {
                    out.append(',').append(v);
                }
                out.append('\n');
            }
        });
        return out.toString();
    }

    /** The table's first three columns ({@code step,lr,group0} of a {@code --schedule} table). */
    static String firstColumns(String csv) {
        StringBuilder out = new StringBuilder();
        for (String line : csv.lines().toList()) {
            String[] cells = line.split(",");
            out.append(cells[0]).append(',').append(cells[1]).append(',').append(cells[2]).append('\n');
        }
        return out.toString();
    }

    @Test
    void pythonScheduleExportsReadBackGiveTheTable() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String core = Path.of(SchedulerConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int n = 0;
        for (String q : ExploreApiTest.PYTHON_CASES) {
            Map<String, String> exports = ExploreExports.all(ExploreApi.toArgs(q));
            String expected = firstColumns(table(q));
            // the command line, through the CLI
            List<String> words = shellWords(exports.get("cli"));
            assertEquals(table(q), Cli.run(words.subList(1, words.size()).toArray(String[]::new)).out(), q);
            // the Java, compiled and run
            Path src = dir.resolve("torch" + n++);
            Files.createDirectories(src);
            Path file = src.resolve("LrSchedule.java");
            Files.writeString(file, exports.get("java"));
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            assertEquals(0, javac.run(null, null, errors, "-classpath", core, "-d", src.toString(), file.toString()),
                    () -> errors.toString(StandardCharsets.UTF_8));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream out = System.out;
            try (URLClassLoader loader = new URLClassLoader(new URL[] {src.toUri().toURL()}, getClass().getClassLoader())) {
                System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
                loader.loadClass("LrSchedule").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            } finally {
                System.setOut(out);
            }
            assertEquals(expected, buffer.toString(StandardCharsets.UTF_8), q);
            // the Python, through lr4j's parser of Python calls (the optimizer it names is the implicit one)
            String py = exports.get("python");
            java.util.regex.Matcher call = Pattern.compile("(?m)^scheduler = (.*)$").matcher(py);
            java.util.regex.Matcher opt = Pattern.compile("(?m)^optimizer = torch\\.optim\\.(SGD|Adam)\\(\\[.*\\], lr=([^,)]+)(?:, momentum=([^)]+))?\\)$").matcher(py);
            java.util.regex.Matcher range = Pattern.compile("for step in range\\((\\d+)\\):").matcher(py);
            assertTrue(call.find() && opt.find() && range.find(), py);
            ParamGroup g = ParamGroup.of(Double.parseDouble(opt.group(2)));
            if (opt.group(1).equals("Adam")) {
                g.beta1(0.9);
            } else {
                g.momentum(Double.parseDouble(opt.group(3)));
            }
            ParamGroupList groups = ParamGroupList.of(g);
            org.lr4j.torch.TorchScheduler s = org.lr4j.python.ScheduleCall.parse(call.group(1)).build(groups, groups.lr(0));
            java.util.regex.Matcher metricsLine = Pattern.compile("(?m)^metrics = (\\[.*?\\])").matcher(py);
            List<Object> metrics = metricsLine.find() ? castList(pyValue(metricsLine.group(1))) : null;
            StringBuilder rows = new StringBuilder("step,lr,group0\n");
            long steps = Long.parseLong(range.group(1));
            for (long step = 0; step < steps; step++) {
                // the loop prints, then steps (with the metric of this step)
                rows.append(step).append(',').append(groups.lr(0)).append(',').append(groups.lr(0)).append('\n');
                if (step + 1 < steps) {
                    if (metrics != null) {
                        s.step(((Number) metrics.get((int) step)).doubleValue());
                    } else {
                        s.step();
                    }
                }
            }
            assertEquals(expected, rows.toString(), q + "\n" + py);
            assertTrue(py.contains("(optimizer, "), py);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }

    @Test
    void pythonCallReadBackGivesTheTable() {
        List<String> cases = new ArrayList<>(ExploreApiTest.CASES);
        cases.add("sched=tanh&timm=0.4&lr=1e-4&epochs=20&warmup-epochs=0&lr-cycle-limit=3&lr-cycle-mul=1.5&end-epoch=90&start-epoch=4");
        cases.add("sched=step&epochs=8&decay-epochs=2&sched-on-updates&updates-per-epoch=3&warmup-epochs=1");
        // timm 0.4 tanh's decay_rate and warmup_prefix, noise too, as the tutorial presets set them
        for (String cell : List.of("decay_rate-0.5", "warmup_prefix", "noise", "lr_min-decay")) {
            cases.addAll(ExplorePresets.FLAGS.get(cell));
        }
        for (String q : cases) {
            String py = ExploreExports.all(ExploreApi.toArgs(q)).get("python");
            assertEquals(table(q), runPython(py), () -> q + "\n" + py);
        }
        String tanh = ExploreExports.all(ExploreApi.toArgs("sched=tanh&epochs=50&warmup-epochs=5&lb=-6")).get("python");
        assertTrue(tanh.contains("scheduler = TanhLRScheduler(\n    optimizer,\n    t_initial=50,\n    lb=-6.0,\n"), tanh);
    }
}
