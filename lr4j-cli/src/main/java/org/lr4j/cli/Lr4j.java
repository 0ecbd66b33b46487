package org.lr4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code lr4j} command: timm's learning-rate schedulers from the command line.
 *
 * <p>Exit status: 0 on success; 2 for bad input (unknown flag or subcommand, malformed or out-of-range
 * value, unreadable or malformed file) with exactly one line on stderr; 1 for a runtime failure with
 * one line. A stack trace is printed only with {@code --debug}.
 */
@Command(name = "lr4j", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class,
        modelTransformer = ScheduleOptions.Install.class,
        description = "timm's learning-rate schedulers, reproduced exactly, in Java.",
        subcommands = {
            ReplayCommand.class,
            TableCommand.class,
            PlotCommand.class,
            TutorialCommand.class,
            TrainCommand.class,
            CompareCommand.class,
            ExploreCommand.class,
        })
public final class Lr4j implements Runnable {
    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit status for a runtime failure. */
    public static final int FAILURE = 1;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command line with the given streams and returns the exit status (no {@code System.exit}).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Lr4j());
        TrainCommand.describeEpochs(cl.getSubcommands().get("train").getCommandSpec());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            if (debug) {
                ex.printStackTrace(err);
            }
            err.println(prefix(ex.getCommandLine()) + listOption(ex, a) + oneLine(ex.getMessage()));
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (debug) {
                ex.printStackTrace(err);
            }
            int status = isBadInput(ex) ? BAD_INPUT : FAILURE;
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            if (status == FAILURE && !(ex instanceof UncheckedIOException)) {
                message = "internal error: " + ex.getClass().getSimpleName() + ": " + message
                        + (debug ? "" : " (run with --debug for details)");
            }
            err.println(prefix(commandLine) + oneLine(message));
            err.flush();
            return status;
        });
        int status = cl.execute(args);
        out.flush();
        return status;
    }

    /**
     * For a value that picocli could not place because it does not fit the list option before it
     * ({@code --decay-milestones 30 6o}), that option's name, so that the line names the flag:
     * {@code "--decay-milestones: invalid value '6o': "}; otherwise "".
     */
    static String listOption(CommandLine.ParameterException ex, String[] args) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        String value = u.getUnmatched().get(0);
        int at = java.util.Arrays.asList(args).lastIndexOf(value);
        for (int i = at - 1; i >= 0; i--) {
            String name = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            CommandLine.Model.OptionSpec option = name.startsWith("-")
                    ? ex.getCommandLine().getCommandSpec().findOption(name) : null;
            if (option != null) {
                return option.isMultiValue() && !args[i].contains("=")
                        ? option.longestName() + ": invalid value '" + value + "': " : "";
            }
        }
        return "";
    }

    private static boolean isBadInput(Throwable ex) {
        return ex instanceof UsageError || ex instanceof IllegalArgumentException;
    }

    private static String prefix(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName() + ": ";
    }

    static String oneLine(String message) {
        if (message == null) {
            return "error";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** Prints a throwable's stack trace to a string. */
    static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    /** The version from the jar's manifest, or the build's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Lr4j.class.getPackage().getImplementationVersion();
            return new String[] {"lr4j " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
