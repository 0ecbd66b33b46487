package org.lr4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lr4j.factory.CreatedScheduler;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerFactory;
import org.lr4j.factory.SchedulerOption;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What {@code lr4j explore}'s page asks of lr4j: the {@code table} command run on a query string, the
 * table's options described for the page's controls, and the exports of a configuration.
 *
 * <p>A query {@code sched=tanh&epochs=30&warmup-epochs=3} is the table command's flags without their
 * leading {@code --} ({@link #toArgs}); it runs through the table command itself ({@link Lr4j#run}), so
 * the values and the error lines are the command's. Flags that name files ({@link #REFUSED}) are refused,
 * and so is a table of more than {@link #MAX_ROWS} rows.
 */
final class ExploreApi {
    /** The most rows one request may compute. */
    static final long MAX_ROWS = 1_000_000L;
    /** The most rows {@link #series} sends for drawing; longer tables are thinned (min and max kept). */
    static final int MAX_DRAWN = 4_000;
    /** Table flags the explorer refuses: they name files, or change what the answer is. */
    static final Set<String> REFUSED = Set.of("output", "state-in", "state-out", "from-args", "format", "help",
            "version", "debug");

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DEFAULT = Pattern.compile("\\s*\\(default: (.*)\\)\\.?\\s*$");

    private ExploreApi() {
    }

    /** A request the explorer cannot answer: HTTP 400 with this one line. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String line) {
            super(line);
        }
    }

    /** The table command as {@code lr4j} has it (the root command installs the schedule flags). */
    static CommandLine tableCommandLine() {
        return new CommandLine(new Lr4j()).getSubcommands().get("table");
    }

    /** The table command's options, by long name without {@code --}. */
    static Map<String, OptionSpec> tableOptions() {
        Map<String, OptionSpec> out = new LinkedHashMap<>();
        for (OptionSpec o : tableCommandLine().getCommandSpec().options()) {
            out.put(o.longestName().substring(2), o);
        }
        return out;
    }

    /**
     * The table command's arguments for a query string: {@code key=value} becomes {@code --key=value};
     * a list flag's value may hold several values separated by commas ({@code decay-milestones=30,60});
     * a switch without a value ({@code sched-on-updates}) is given bare.
     *
     * @throws BadRequest for a flag that names a file or is not a flag of the table command
     */
    static List<String> toArgs(String rawQuery) {
        Map<String, OptionSpec> options = tableOptions();
        List<String> args = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return args;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? null : decode(pair.substring(eq + 1));
            if (REFUSED.contains(key)) {
                throw new BadRequest("lr4j explore: --" + key + " is refused here: the explorer reads and writes"
                        + " no files (refused: " + String.join(", ", List.of("output", "state-in", "state-out",
                        "from-args", "format")) + ")");
            }
            OptionSpec o = KEY.matcher(key).matches() ? options.get(key) : null;
            if (o == null) {
                // not a flag of the table command: the command says so in its own words
                args.add("--" + key + (value == null ? "" : "=" + value));
            } else if (value == null || (value.isEmpty() && o.arity().min() == 0)) {
                args.add("--" + key);
            } else if (o.isMultiValue() && o.splitRegex().isEmpty()) {
                for (String part : value.split(",", -1)) {
                    args.add("--" + key + "=" + part.strip());
                }
            } else {
                args.add("--" + key + "=" + value);
            }
        }
        return args;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("lr4j explore: malformed query: bad %-escape");
        }
    }

    /** The table command parsed from {@code args}, or null when it does not parse. */
    static TableCommand parse(List<String> args) {
        CommandLine root = new CommandLine(new Lr4j());
        List<String> argv = new ArrayList<>();
        argv.add("table");
        argv.addAll(args);
        try {
            root.parseArgs(argv.toArray(String[]::new));
            return root.getSubcommands().get("table").getCommand();
        } catch (CommandLine.ParameterException e) {
            return null;
        }
    }

    /**
     * Refuses a table of more than {@link #MAX_ROWS} rows before it is computed. A configuration that
     * does not build passes: the table command reports it in its own words.
     */
    static void checkRows(List<String> args) {
        TableCommand t = parse(args);
        if (t == null) {
            return;
        }
        long rows;
        try {
            if (t.python.given()) {
                rows = t.python.steps(t.python.call());
                if (rows > MAX_ROWS) {
                    throw new BadRequest("lr4j explore: the table would hold " + rows + " rows, must be at most "
                            + MAX_ROWS + " per request; cut it with steps");
                }
                return;
            }
            SchedulerConfig config = t.schedule.toConfig();
            if (t.updatesPerEpoch < 1) {
                return;
            }
            CreatedScheduler created = SchedulerFactory.create(config,
                    TableCommand.groups(config.effectiveLr(), t.lrScales), t.updatesPerEpoch);
            long end = t.endEpoch == null ? created.numEpochs() : t.endEpoch;
            long epochs = Math.max(0, end - t.startEpoch);
            rows = !config.schedOnUpdates() ? epochs
                    : epochs > Long.MAX_VALUE / t.updatesPerEpoch ? Long.MAX_VALUE : epochs * t.updatesPerEpoch;
        } catch (BadRequest e) {
            throw e;
        } catch (RuntimeException e) {
            return;
        }
        if (rows > MAX_ROWS) {
            throw new BadRequest("lr4j explore: the table would hold " + rows + " rows, must be at most " + MAX_ROWS
                    + " per request; cut it with end-epoch or fewer updates-per-epoch");
        }
    }

    /**
     * Runs {@code lr4j table ARGS --format FORMAT} and returns what it prints.
     *
     * @throws BadRequest with the command's one line when it refuses the input
     */
    static String runTable(List<String> args, String format) {
        checkRows(args);
        List<String> argv = new ArrayList<>();
        argv.add("table");
        argv.addAll(args);
        argv.add("--format=" + format);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Lr4j.run(new PrintWriter(out), new PrintWriter(err), argv.toArray(String[]::new));
        if (status == Lr4j.BAD_INPUT) {
            throw new BadRequest(Lr4j.oneLine(err.toString()));
        }
        if (status != 0) {
            throw new IllegalStateException("lr4j table failed");
        }
        return out.toString();
    }

    /**
     * {@code /api/table}: the table as columns, {@code {"epoch": [...], "update": [...], "lr": [...],
     * "groups": [[group 0's rates], ...]}}, and any further column of the table under its own name (a
     * {@code --schedule} table has {@code step} instead of {@code epoch} and {@code update}), read
     * from the CSV the command prints (each number is the command's own text, {@link Double#toString}, so it
     * reads back to the same double).
     */
    static Map<String, Object> table(List<String> args) {
        String csv = runTable(args, "csv");
        int n = -1;
        for (int i = 0; i < csv.length(); i++) {
            if (csv.charAt(i) == '\n') {
                n++;
            }
        }
        int headerEnd = csv.indexOf('\n');
        String[] header = csv.substring(0, headerEnd).split(",");
        double[][] columns = new double[header.length][];
        long[][] whole = new long[header.length][];
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals("epoch") || header[c].equals("update") || header[c].equals("step")) {
                whole[c] = new long[n];
            } else {
                columns[c] = new double[n];
            }
        }
        int at = headerEnd + 1;
        for (int row = 0; row < n; row++) {
            int lineEnd = csv.indexOf('\n', at);
            int col = 0;
            int from = at;
            while (from <= lineEnd && col < header.length) {
                int to = csv.indexOf(',', from);
                if (to < 0 || to > lineEnd) {
                    to = lineEnd;
                }
                if (whole[col] != null) {
                    whole[col][row] = Long.parseLong(csv.substring(from, to));
                } else {
                    columns[col][row] = to == from ? Double.NaN : Double.parseDouble(csv.substring(from, to));
                }
                col++;
                from = to + 1;
            }
            at = lineEnd + 1;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        List<double[]> groups = new ArrayList<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c];
            if (whole[c] != null) {
                m.put(name, whole[c]);
            } else if (name.matches("group\\d+")) {
                groups.add(columns[c]);
            } else {
                (name.equals("lr") ? m : extra).put(name, columns[c]);
            }
        }
        m.put("groups", groups.toArray(double[][]::new));
        m.putAll(extra);
        return m;
    }

    /**
     * {@code /api/series}: {@link #table} thinned to at most about {@link #MAX_DRAWN} rows for drawing: in
     * each of {@code MAX_DRAWN / 2} buckets the rows with the lowest and the highest {@code lr} (in
     * order), plus the first and the last row; {@code "rows"} is the table's length. Every row sent is
     * a row of the table.
     */
    static Map<String, Object> series(List<String> args) {
        Map<String, Object> t = table(args);
        double[] lr = (double[]) t.get("lr");
        int n = lr.length;
        if (n <= MAX_DRAWN) {
            t.put("rows", n);
            return t;
        }
        int buckets = MAX_DRAWN / 2;
        List<Integer> keep = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (lr[i] < lr[lo]) {
                    lo = i;
                }
                if (lr[i] > lr[hi]) {
                    hi = i;
                }
            }
            if (b == 0 && Math.min(lo, hi) != 0) {
                keep.add(0);
            }
            keep.add(Math.min(lo, hi));
            if (hi != lo) {
                keep.add(Math.max(lo, hi));
            }
            if (b == buckets - 1 && Math.max(lo, hi) != n - 1) {
                keep.add(n - 1);
            }
        }
        int m = keep.size();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : t.entrySet()) {
            Object column = e.getValue();
            if (column instanceof long[] whole) {
                long[] thin = new long[m];
                for (int j = 0; j < m; j++) {
                    thin[j] = whole[keep.get(j)];
                }
                out.put(e.getKey(), thin);
            } else if (column instanceof double[] values) {
                double[] thin = new double[m];
                for (int j = 0; j < m; j++) {
                    thin[j] = values[keep.get(j)];
                }
                out.put(e.getKey(), thin);
            } else if (column instanceof double[][] groups) {
                double[][] thin = new double[groups.length][m];
                for (int g = 0; g < groups.length; g++) {
                    for (int j = 0; j < m; j++) {
                        thin[g][j] = groups[g][keep.get(j)];
                    }
                }
                out.put(e.getKey(), thin);
            }
        }
        out.put("rows", n);
        return out;
    }

    /**
     * {@code /api/options}: every flag the page may set. The schedule flags come from their descriptors,
     * {@link SchedulerOption} (from which the CLI's options are made too): {@code name} (the flag without
     * {@code --}), {@code python} (train.py's name), {@code label}, {@code type} (integer, number, boolean,
     * string, or list of number), {@code choices} where the values are a fixed set, {@code help},
     * {@code default} (in words), {@code rule} (the range a value must keep), {@code schedulers} (those it
     * applies to), {@code group} {@code schedule}. The table command's own flags follow, from its option
     * specs (help and default from the description), with {@code group} {@code table}.
     */
    static List<Map<String, Object>> options() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SchedulerOption<?> o : SchedulerOption.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", o.flag().substring(2));
            m.put("python", o.name());
            m.put("label", o.paramLabel());
            m.put("type", switch (o.type()) {
                case INTEGER -> "integer";
                case NUMBER -> "number";
                case BOOLEAN -> "boolean";
                case TEXT, PROFILE -> "string";
                case NUMBERS -> "list of number";
            });
            List<String> choices = o == SchedulerOption.SCHED ? SchedulerConfig.SCHEDULERS
                    : o == SchedulerOption.TIMM ? profiles()
                    : o.paramLabel().contains("|") ? List.of(o.paramLabel().split("\\|")) : List.of();
            if (!choices.isEmpty()) {
                m.put("choices", choices);
            }
            m.put("help", o.help());
            m.put("default", o.defaultText());
            m.put("rule", o.rule());
            List<String> schedulers = new ArrayList<>();
            for (String sched : SchedulerConfig.SCHEDULERS) {
                if (o.schedulers().contains(sched)) {
                    schedulers.add(sched);
                }
            }
            m.put("schedulers", schedulers);
            m.put("group", "schedule");
            out.add(m);
        }
        for (OptionSpec o : tableCommandLine().getCommandSpec().options()) {
            String name = o.longestName().substring(2);
            if (REFUSED.contains(name) || ScheduleOptions.owns(o)) {
                continue;
            }
            String description = String.join(" ", o.description());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("label", o.paramLabel());
            m.put("type", type(o));
            if (o.paramLabel().contains("|")) {
                m.put("choices", List.of(o.paramLabel().split("\\|")));
            }
            Matcher d = DEFAULT.matcher(description);
            String help = description;
            String def = null;
            if (d.find()) {
                def = d.group(1);
                help = description.substring(0, d.start()).strip();
                help = help.endsWith(".") ? help : help + ".";
            }
            m.put("help", help);
            m.put("default", def);
            m.put("schedulers", SchedulerConfig.SCHEDULERS);
            m.put("group", "table");
            out.add(m);
        }
        return out;
    }

    private static List<String> profiles() {
        List<String> labels = new ArrayList<>();
        for (org.lr4j.schedule.Profile p : org.lr4j.schedule.Profile.values()) {
            labels.add(p.label());
        }
        return labels;
    }

    private static String type(OptionSpec o) {
        Class<?> t = o.isMultiValue() ? o.auxiliaryTypes()[0] : o.type();
        String base = t == Long.class || t == long.class || t == Integer.class || t == int.class ? "integer"
                : t == Double.class || t == double.class ? "number"
                : t == Boolean.class || t == boolean.class ? "boolean" : "string";
        return o.isMultiValue() ? "list of " + base : base;
    }

}
