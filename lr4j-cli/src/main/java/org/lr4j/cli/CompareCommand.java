package org.lr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lr4j.plot.CurvesChart;
import org.lr4j.plot.LrChart;
import org.lr4j.train.RunFolder;
import org.lr4j.train.SummaryRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lr4j compare RUN_DIR... [-o FILE.png|FILE.svg]}: overlays the {@code lr4j train} run folders'
 * curves in one chart ({@link CurvesChart}: eval top-1, eval and train loss, learning rate per epoch; one
 * colour per run) and prints a table, one row per run: epochs, final and best top-1 (with the best's
 * epoch) and the wall time of its epochs (from the folder's {@code run.json}; {@code -} for a folder
 * written before lr4j kept it). Runs are named by their folder's name, or by the path given when two
 * names are the same.
 *
 * <pre>
 * run     epochs  final top-1  best top-1  best epoch  wall time
 * tanh-1       8        88.12       88.40           6    0:01:23
 * </pre>
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class, sortOptions = false,
        description = "Overlay lr4j train run folders in one chart and print final and best top-1, epochs, wall time.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "1..*", paramLabel = "RUN_DIR", description = "Run folders of lr4j train.")
    List<Path> runs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.png|FILE.svg", defaultValue = "compare.png",
            description = "The chart to write; the extension chooses PNG or SVG (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--title", paramLabel = "T", description = "Chart title (default: none).")
    String title;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            LrChart.Format.of(output);
        } catch (IllegalArgumentException e) {
            throw new UsageError("-o: " + e.getMessage(), e);
        }
        List<String> labels = labels(runs);
        List<CurvesChart.Run> curves = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int width = Math.max(3, labels.stream().mapToInt(String::length).max().orElse(3));
        lines.add(String.format(Locale.ROOT, "%-" + width + "s  %6s  %11s  %10s  %10s  %9s", "run", "epochs",
                "final top-1", "best top-1", "best epoch", "wall time"));
        for (int i = 0; i < runs.size(); i++) {
            Path dir = runs.get(i);
            List<SummaryRow> rows;
            RunFolder.Meta meta;
            try {
                rows = RunFolder.summary(dir);
                meta = RunFolder.meta(dir);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage(), e);
            }
            if (rows.isEmpty()) {
                throw new UsageError(dir + ": summary.csv has no epoch yet");
            }
            curves.add(TrainCommand.run(labels.get(i), rows));
            SummaryRow best = rows.get(0);
            for (SummaryRow r : rows) {
                if (r.evalTop1() > best.evalTop1()) {
                    best = r;
                }
            }
            lines.add(String.format(Locale.ROOT, "%-" + width + "s  %6d  %11.2f  %10.2f  %10d  %9s", labels.get(i),
                    rows.size(), rows.get(rows.size() - 1).evalTop1(), best.evalTop1(), best.epoch(),
                    meta == null ? "-" : TrainProgress.clock(meta.wallSeconds())));
        }
        CurvesChart chart;
        try {
            chart = CurvesChart.of(title == null ? "" : title, curves);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage(), e);
        }
        try {
            chart.write(output);
        } catch (IOException e) {
            throw Output.cannotWrite(output, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String line : lines) {
            out.println(line);
        }
        out.println("chart: " + output);
        out.flush();
        return 0;
    }

    /**
     * Each run's name: its folder's name when those differ; otherwise the part of the paths that tells them
     * apart, without the folders and the words ({@code _}- or {@code -}-separated) that all of them share:
     * {@code runs/sgd_sched_tanh_lr_0.05/seed1} and {@code runs/sgd_sched_cosine_lr_0.05/seed1} are
     * {@code tanh} and {@code cosine}.
     *
     * @throws UsageError when a folder is given twice
     */
    static List<String> labels(List<Path> dirs) {
        List<Path> abs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path d : dirs) {
            Path a = d.toAbsolutePath().normalize();
            if (!seen.add(a)) {
                throw new UsageError("RUN_DIR: " + d + " is given twice");
            }
            abs.add(a);
        }
        List<String> names = abs.stream().map(a -> a.getFileName() == null ? a.toString() : a.getFileName().toString())
                .toList();
        if (new HashSet<>(names).size() == names.size()) {
            return names;
        }
        // the path components between the leading and trailing ones all paths share
        List<List<String>> components = new ArrayList<>();
        for (Path a : abs) {
            List<String> c = new ArrayList<>();
            a.forEach(n -> c.add(n.toString()));
            components.add(c);
        }
        List<String> middles = trimShared(components, 1, "/");
        List<String> trimmed = trimSharedWords(middles);
        return new HashSet<>(trimmed).size() == trimmed.size() && trimmed.stream().noneMatch(String::isEmpty)
                ? trimmed : middles;
    }

    /** The labels without the leading and trailing words (split at {@code _}, {@code -}, {@code /}) they all share. */
    static List<String> trimSharedWords(List<String> labels) {
        // each list alternates word, separator, word, ...: words at even places
        return trimShared(labels.stream().map(CompareCommand::words).toList(), 2, "");
    }

    /**
     * Each list without the leading and trailing entries that all lists share, joined with {@code glue}; only
     * every {@code step}-th entry from the first is compared (the others are separators), and each list keeps
     * at least one.
     */
    private static List<String> trimShared(List<List<String>> lists, int step, String glue) {
        int fewest = lists.stream().mapToInt(l -> (l.size() + step - 1) / step).min().orElse(0);
        int lead = 0;
        while (lead + 1 < fewest && sameAt(lists, step * lead, false)) {
            lead++;
        }
        int trail = 0;
        while (lead + trail + 1 < fewest && sameAt(lists, step * trail, true)) {
            trail++;
        }
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.add(String.join(glue, l.subList(step * lead, l.size() - step * trail)));
        }
        return out;
    }

    /** Whether every list has the same entry {@code i} places from its start (or its end). */
    private static boolean sameAt(List<List<String>> lists, int i, boolean fromEnd) {
        String first = lists.get(0).get(fromEnd ? lists.get(0).size() - 1 - i : i);
        for (List<String> l : lists) {
            if (!l.get(fromEnd ? l.size() - 1 - i : i).equals(first)) {
                return false;
            }
        }
        return true;
    }

    /** A label cut into words and the separators between them, in order. */
    private static List<String> words(String label) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '_' || c == '-' || c == '/') {
                out.add(label.substring(start, i));
                out.add(String.valueOf(c));
                start = i + 1;
            }
        }
        out.add(label.substring(start));
        return out;
    }
}
