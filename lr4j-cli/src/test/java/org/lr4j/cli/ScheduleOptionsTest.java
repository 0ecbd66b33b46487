package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lr4j.factory.SchedulerOption;

/**
 * The schedule flags are made from {@link SchedulerOption}: every command that mixes them in offers
 * every flag with the description's help and default, and an error is shown under the flag by renaming
 * the typed error's parameter.
 */
class ScheduleOptionsTest {
    @Test
    void everyCommandOffersEveryFlagWithItsDefault() {
        for (String command : new String[] {"table", "plot", "train"}) {
            Cli help = Cli.run(command, "--help");
            assertEquals(0, help.status(), command);
            String text = help.out().replaceAll("\\s+", " ");
            for (SchedulerOption<?> o : SchedulerOption.all()) {
                assertTrue(text.contains(o.flag()), command + " lacks " + o.flag());
                // train's --epochs says its data-dependent default instead (TrainCommand.EPOCHS_HELP)
                String shown = command.equals("train") && o.flag().equals("--epochs")
                        ? "20 on the built-in data, 10 on fashion-mnist, " + o.defaultText() + " on an image folder"
                        : o.defaultText();
                assertTrue(text.contains("(default: " + shown + ")"), command + " lacks the default of "
                        + o.flag() + ": " + shown);
            }
        }
        assertTrue(Cli.run("table", "--help").out().replaceAll("\\s+", " ")
                .contains("--lr-cycle-decay=D Peak decay per cycle; cycle_decay (with --timm 0.4: tanh's decay_rate, which"
                        + " lr4j passes and 0.4's train.py did not) (default: 0.5; 1.0 with --timm 0.4)."));
    }

    @Test
    void errorsAreShownUnderTheFlagThatCarriedTheValue() {
        Cli bad = Cli.run("table", "--sched", "tanh", "--lr-cycle-mul", "-1");
        assertEquals(2, bad.status());
        assertEquals("lr4j table: --lr-cycle-mul must be > 0, got -1.0", bad.err().strip());
        Cli fromScheduler = Cli.run("table", "--sched", "multistep", "--decay-milestones", "1", "2", "--updates-per-epoch",
                "2", "--sched-on-updates", "--lr-noise", "0.5", "0.25");
        assertEquals("lr4j table: --lr-noise must be [start, end] with start <= end, got [0.5, 0.25]",
                fromScheduler.err().strip());
        // timm 0.4 tanh's decay_rate comes from --lr-cycle-decay (an lr4j extension) and is named by it
        Cli old = Cli.run("table", "--sched", "tanh", "--timm", "0.4", "--lr-cycle-limit", "0", "--lr-cycle-decay", "2");
        assertEquals(2, old.status());
        assertTrue(old.err().strip().startsWith("lr4j table: --lr-cycle-decay must stay <= 1"), old.err());
    }
}
