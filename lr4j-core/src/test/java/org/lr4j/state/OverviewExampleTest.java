package org.lr4j.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.TanhLRScheduler;

/**
 * The overview page's example (module-info of org.lr4j.core), run as written: the numbers it quotes, and its
 * save-and-restore continuing bit for bit. The quoted rates are those of timm's reference case
 * tanh-groups-lr_scale, group 0, which examples/plain-loop checks against the traces themselves.
 */
class OverviewExampleTest {
    private static TanhLRScheduler build(ParamGroupList groups) {
        return TanhLRScheduler.builder(groups, 30).warmupT(3).warmupLrInit(1e-4).build();
    }

    @Test
    void buildAndDriveGiveTheQuotedRates() {
        ParamGroupList groups = ParamGroupList.of(0.1);
        TanhLRScheduler scheduler = build(groups);
        assertEquals(1.0E-4, groups.lr(0));
        scheduler.step(1);
        assertEquals(0.03339979519417993, groups.lr(0));
    }

    @Test
    void saveAndRestoreContinueExactly(@TempDir Path dir) throws Exception {
        ParamGroupList groups = ParamGroupList.of(0.1);
        TanhLRScheduler scheduler = build(groups);
        for (int epoch = 0; epoch < 12; epoch++) {
            scheduler.step(epoch + 1);
        }
        Path file = dir.resolve("sched.json");
        AtomicFiles.writeString(file, StateJson.toJson(scheduler.state()));

        ParamGroupList fresh = ParamGroupList.of(0.1);
        TanhLRScheduler restored = build(fresh);
        restored.restore(StateJson.fromJson(Files.readString(file)));
        assertEquals(groups.lr(0), fresh.lr(0));
        for (int epoch = 12; epoch < 30; epoch++) {
            scheduler.step(epoch + 1);
            restored.step(epoch + 1);
            assertEquals(groups.lr(0), fresh.lr(0), "epoch " + epoch);
        }
    }
}
