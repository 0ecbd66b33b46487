package org.lr4j.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lr4j.schedule.InvalidValueException;

/**
 * The one description of each train.py flag: its accessors, that the configuration is made from it
 * (defaults, names, order, validation), and that {@code docs/validation.md}'s table of flags is exactly
 * what the descriptions say.
 */
class SchedulerOptionTest {
    @Test
    void theJavadocExample() {
        SchedulerOption<Double> o = SchedulerOption.LR_CYCLE_MUL;
        assertEquals("lr_cycle_mul", o.name());
        assertEquals("--lr-cycle-mul", o.flag());
        assertEquals(1.0, o.defaultValue());
        assertEquals("1.0", o.defaultText());
        assertEquals("> 0", o.rule());
        assertEquals(List.of("cosine", "tanh", "poly"), o.schedulers());
        assertEquals(SchedulerOption.Type.NUMBER, o.type());
    }

    @Test
    void theConfigurationIsMadeFromTheDescriptions() {
        SchedulerConfig defaults = SchedulerConfig.builder().build();
        List<String> names = new ArrayList<>();
        for (SchedulerOption<?> o : SchedulerOption.all()) {
            names.add(o.name());
            // lr_cycle_decay has no default of its own (it depends on --timm): the args hold the value in use
            Object want = o == SchedulerOption.LR_CYCLE_DECAY ? (Object) 0.5
                    : o.defaultValue() instanceof org.lr4j.schedule.Profile p ? p.label() : o.defaultValue();
            assertEquals(want, defaults.toArgs().get(o.name()), o.name());
            assertEquals(o, SchedulerOption.named(o.name()).orElseThrow());
        }
        assertEquals(names, new ArrayList<>(defaults.toArgs().keySet()));
        assertEquals(SchedulerConfig.ARG_NAMES, Set.copyOf(names));
        assertEquals(SchedulerOption.all().size(), 30);
    }

    @Test
    void lrCycleDecayDefaultsToTheProfilesAndReachesTimm04sTanh() {
        assertNull(SchedulerOption.LR_CYCLE_DECAY.defaultValue());
        assertEquals("0.5; 1.0 with --timm 0.4", SchedulerOption.LR_CYCLE_DECAY.defaultText());
        SchedulerConfig old = SchedulerConfig.builder().sched("tanh").timm(org.lr4j.schedule.Profile.TIMM_0_4).build();
        assertEquals(1.0, old.lrCycleDecay());
        assertEquals(1.0, old.toArgs().get("lr_cycle_decay"));
        assertEquals(0.25, old.toBuilder().lrCycleDecay(0.25).build().lrCycleDecay());
        // an lr4j extension to timm 0.4's train.py: the flags reach 0.4's tanh (decay_rate, warmup_prefix)
        org.lr4j.schedule.TanhLRScheduler tanh = (org.lr4j.schedule.TanhLRScheduler) SchedulerFactory.create(
                old.toBuilder().lrCycleDecay(0.25).warmupPrefix(true).build(), org.lr4j.group.ParamGroupList.of(1.0), 0)
                .scheduler();
        assertEquals(0.25, tanh.cycleDecay());
        assertTrue(tanh.warmupPrefix());
        // timm 0.4's decay_rate rule, named by the flag it came from
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchedulerFactory.create(
                old.toBuilder().lrCycleDecay(2.0).lrCycleLimit(0).build(), org.lr4j.group.ParamGroupList.of(1.0), 0));
        assertTrue(e.getMessage().startsWith("lr_cycle_decay must stay <= 1"), e.getMessage());
    }

    @Test
    void aValueIsCheckedByItsOptionsRuleUnderItsName() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> SchedulerConfig.builder().set(SchedulerOption.LR_CYCLE_MUL, -1.0).build());
        assertEquals("lr_cycle_mul", e.parameter());
        assertEquals("must be > 0", e.rule());
        assertEquals("-1.0", e.value());
        assertEquals("lr_cycle_mul must be > 0, got -1.0", e.getMessage());
        InvalidValueException type = assertThrows(InvalidValueException.class,
                () -> SchedulerConfig.fromArgs(Map.of("epochs", "ten")));
        assertEquals("epochs must be a number, got \"ten\"", type.getMessage());
        assertEquals(50L, SchedulerConfig.fromArgs(Map.of("epochs", 50)).get(SchedulerOption.EPOCHS));
        assertThrows(NullPointerException.class, () -> SchedulerConfig.builder().sched(null).build());
    }

    /** The table of flags, as docs/validation.md shows it. */
    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("| Flag | train.py name | Type | Default | Rule | Schedulers | Help |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (SchedulerOption<?> o : SchedulerOption.all()) {
            String scheds = o.schedulers().size() == SchedulerConfig.SCHEDULERS.size() ? "all"
                    : String.join(", ", o.schedulers());
            b.append("| `").append(o.flag()).append("` | `").append(o.name()).append("` | ")
                    .append(o.type().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(o.defaultText().isEmpty() ? "(empty)" : o.defaultText()).append(" | ")
                    .append(o.rule()).append(" | ").append(scheds).append(" | ").append(o.help()).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void docsListExactlyTheseFlags() throws IOException {
        String expected = table();
        Path out = Path.of("target", "flags-table.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, expected, StandardCharsets.UTF_8);
        String doc = Files.readString(Path.of("..", "docs", "validation.md"), StandardCharsets.UTF_8);
        assertTrue(doc.contains(expected), "docs/validation.md's table of flags differs from SchedulerOption; the"
                + " table the descriptions make is in " + out.toAbsolutePath());
    }
}
