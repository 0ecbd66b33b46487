package org.lr4j.cli;

import java.nio.file.Path;
import java.util.Map;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerOption;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.schedule.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The schedule flags of timm's train.py, spelt as train.py spells them, plus {@code --lb}, {@code --ub}
 * and {@code --timm 0.4}; shared by {@code table}, {@code plot} and {@code train}. The options are made
 * from {@link SchedulerOption}, one per flag, with its help and default, by {@link Install} (the command's
 * model transformer). A flag that is not given keeps its value from {@code --from-args} or train.py's
 * default.
 */
public final class ScheduleOptions {
    @Option(names = "--from-args", paramLabel = "FILE",
            description = "Start from a train.py args.yaml (or JSON) of a timm run; flags given here override it.")
    Path fromArgs;

    /** Arguments to start from when there is no {@link #fromArgs} file (a checkpoint's record of its run). */
    Map<String, Object> fromArgsMap;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Adds one option per {@link SchedulerOption} to every command of a hierarchy that mixes in
     * {@link ScheduleOptions} (this command and its subcommands, at any depth): the model transformer
     * of the root command, {@code @Command(modelTransformer = ScheduleOptions.Install.class)}. A
     * subcommand that mixes in {@code ScheduleOptions} needs nothing more.
     */
    public static final class Install implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            boolean mixesIn = spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof ScheduleOptions);
            if (mixesIn && spec.findOption(SchedulerOption.SCHED.flag()) == null) {
                for (SchedulerOption<?> o : SchedulerOption.all()) {
                    spec.addOption(option(o));
                }
            }
            for (CommandLine sub : spec.subcommands().values()) {
                transform(sub.getCommandSpec());
            }
            return spec;
        }
    }

    /** Whether {@code option} is one of the options {@link Install} adds. */
    static boolean owns(OptionSpec option) {
        return SchedulerOption.all().stream().anyMatch(o -> o.flag().equals(option.longestName()));
    }

    /** The picocli option of {@code o}: its flag, label, type and help with the default. */
    static OptionSpec option(SchedulerOption<?> o) {
        String help = o.help().endsWith(".") ? o.help().substring(0, o.help().length() - 1) : o.help();
        OptionSpec.Builder b = OptionSpec.builder(o == SchedulerOption.BATCH_SIZE ? new String[] {"-b", o.flag()}
                : new String[] {o.flag()}).paramLabel(o.paramLabel())
                .description(help + " (default: " + o.defaultText() + ").");
        switch (o.type()) {
            case INTEGER -> b.type(Long.class);
            case NUMBER -> b.type(Double.class);
            case BOOLEAN -> b.type(Boolean.class).arity("0..1");
            case TEXT, PROFILE -> b.type(String.class);
            case NUMBERS -> b.type(java.util.List.class).auxiliaryTypes(Double.class)
                    .arity(o == SchedulerOption.LR_NOISE ? "1..2" : "1..*");
            default -> throw new AssertionError(o.type());
        }
        return b.build();
    }

    /** Whether {@code option}'s flag was given on the command line. */
    boolean given(SchedulerOption<?> option) {
        OptionSpec spec = command.findOption(option.flag());
        return spec != null && spec.getValue() != null;
    }

    /**
     * The configuration these flags describe.
     *
     * @throws UsageError naming the flag or file that is wrong
     */
    public SchedulerConfig toConfig() {
        if (command.findOption(SchedulerOption.SCHED.flag()) == null) {
            throw new IllegalStateException("the schedule flags are missing: the root command needs"
                    + " @Command(modelTransformer = ScheduleOptions.Install.class)");
        }
        SchedulerConfig.Builder b = fromArgs != null ? readArgs(fromArgs).toBuilder()
                : fromArgsMap != null ? SchedulerConfig.fromArgs(fromArgsMap).toBuilder() : SchedulerConfig.builder();
        try {
            for (SchedulerOption<?> o : SchedulerOption.all()) {
                if (given(o)) {
                    b.setConverted(o, command.findOption(o.flag()).getValue());
                }
            }
            SchedulerConfig config = b.build();
            if (config.timm() == Profile.TIMM_0_4 && !config.sched().equals("tanh")) {
                throw new UsageError("timm 0.4 is supported for --sched tanh only, got " + config.sched());
            }
            return config;
        } catch (InvalidValueException e) {
            throw new UsageError(asFlag(e).getMessage(), e);
        }
    }

    /**
     * Reads a train.py {@code args.yaml} or JSON file into a configuration.
     *
     * @throws UsageError naming the file when it is unreadable, malformed, or holds a bad value
     */
    static SchedulerConfig readArgs(Path file) {
        Map<String, Object> map = Json.readMap(file);
        try {
            return SchedulerConfig.fromArgs(map);
        } catch (IllegalArgumentException e) {
            throw new UsageError(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The error under the flag of its parameter, when the parameter is a train.py argument or starts with
     * one ({@code min_lr} becomes {@code --min-lr}, {@code decay_milestones[1]} {@code --decay-milestones[1]},
     * {@code epochs * updates_per_epoch} {@code --epochs * updates_per_epoch}); else the error itself.
     */
    static InvalidValueException asFlag(InvalidValueException e) {
        String p = e.parameter();
        int end = 0;
        while (end < p.length() && (Character.isLetterOrDigit(p.charAt(end)) || p.charAt(end) == '_')) {
            end++;
        }
        String rest = p.substring(end);
        return SchedulerOption.named(p.substring(0, end)).map(o -> e.named(o.flag() + rest)).orElse(e);
    }

    /** The message of {@code e}, under its flag when it names a train.py argument (see {@link #asFlag}). */
    static String asFlags(IllegalArgumentException e) {
        return e instanceof InvalidValueException v ? asFlag(v).getMessage() : e.getMessage();
    }
}
