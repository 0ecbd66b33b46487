package org.lr4j.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lr4j.schedule.TanhLRScheduler;

/** {@link ParamGroupArray} behaves as {@link ParamGroupList} does. */
class ParamGroupArrayTest {
    @Test
    void javadocExample() {
        ParamGroupArray groups = ParamGroupArray.of(0.1, 0.05).lrScale(1, 0.5);
        TanhLRScheduler s = TanhLRScheduler.builder(groups, 50).build();
        s.step(35);
        assertEquals(0.050000000000000044, groups.lr(0));
        assertEquals(0.012500000000000011, groups.lr(1));
        assertEquals(s.lrAt(35)[1] * 0.5, groups.lr(1), "lr_scale applies to the written value");
        assertEquals(0.1, groups.initialLr(0));
    }

    @Test
    void fieldsStartAbsentAndAreSetByTheScheduler() {
        ParamGroupArray groups = ParamGroupArray.of(0.3);
        assertTrue(groups.hasLr(0));
        assertFalse(groups.hasInitialLr(0));
        assertFalse(groups.hasLrScale(0));
        TanhLRScheduler.builder(groups, 10).build();
        assertTrue(groups.hasInitialLr(0));
        assertEquals(0.3, groups.initialLr(0));
        assertEquals("[{lr=0.3, initial_lr=0.3}]", groups.toString());
    }

    @Test
    void drivesExactlyAsTheListDoes() {
        ParamGroupList list = ParamGroupList.of(ParamGroup.of(0.1), ParamGroup.of(0.2).lrScale(0.25),
                ParamGroup.of(0.05).initialLr(0.07));
        ParamGroupArray array = ParamGroupArray.copyOf(list);
        assertEquals(list.toString().replace("[", "").replace("]", ""),
                array.toString().replace("[", "").replace("]", ""));
        TanhLRScheduler a = TanhLRScheduler.builder(list, 30).tInEpochs(false).warmupT(3).cycleLimit(3)
                .noiseRangeT(20, 60).build();
        TanhLRScheduler b = TanhLRScheduler.builder(array, 30).tInEpochs(false).warmupT(3).cycleLimit(3)
                .noiseRangeT(20, 60).build();
        assertArrayEquals(list.lrs(), array.lrs());
        for (long t = 0; t < 100; t++) {
            a.stepUpdate(t);
            b.stepUpdate(t);
            assertArrayEquals(list.lrs(), array.lrs(), "t=" + t);
        }
        assertEquals(list.meanLr(), array.meanLr());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, ParamGroupArray::of);
        assertEquals("param_groups must hold at least one group, got 0", empty.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ParamGroupArray.of(0.1, Double.NaN));
        assertEquals("param_groups[1].lr must be a finite number, got NaN", nan.getMessage());
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> ParamGroupArray.of(0.1).lrScale(0, Double.POSITIVE_INFINITY));
        assertEquals("param_groups[0].lr_scale must be a finite number, got Infinity", scale.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> ParamGroupArray.of(0.1).lrScale(1, 0.5));
        assertThrows(NullPointerException.class, () -> ParamGroupArray.copyOf(null)); // issue 12: NPE for nulls
    }
}
