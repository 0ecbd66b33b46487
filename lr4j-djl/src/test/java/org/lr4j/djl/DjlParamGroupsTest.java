package org.lr4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.PairList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lr4j.schedule.TanhLRScheduler;

class DjlParamGroupsTest {
    private static NDManager manager;
    private static Block linear;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager("PyTorch");
        linear = Linear.builder().setUnits(3).build();
        linear.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static String id(String name) {
        return linear.getParameters().get(name).getId();
    }

    @Test
    void timmGroupsPutBiasesAndOneDimensionalParametersInANoDecayGroup() {
        DjlParamGroups g = DjlParamGroups.timm(linear.getParameters(), 0.1, 1e-4);
        assertEquals(2, g.size());
        assertEquals("no_decay", g.name(0));
        assertEquals(List.of("bias"), g.parameterNames(0));
        assertEquals(0.0, g.weightDecay(0));
        assertEquals("decay", g.name(1));
        assertEquals(List.of("weight"), g.parameterNames(1));
        assertEquals(1e-4, g.weightDecay(1));
        assertEquals(0, g.groupOf(id("bias")));
        assertEquals(1, g.groupOf(id("weight")));
        assertEquals(2, g.parameterCount());
    }

    @Test
    void withoutWeightDecayTimmMakesOneGroup() {
        DjlParamGroups g = DjlParamGroups.timm(linear.getParameters(), 0.1, 0);
        assertEquals(1, g.size());
        assertEquals(List.of("weight", "bias"), g.parameterNames(0));
    }

    @Test
    void theTrackerAnswersTheLiveRateOfTheParametersGroupAndChangesNothing() {
        DjlParamGroups g = DjlParamGroups.timm(linear.getParameters(), 0.1, 1e-4);
        assertEquals(0.1f, g.tracker().getNewValue(id("bias"), 1));
        assertEquals(0.1f, g.tracker().getNewValue(id("weight"), 1));
        g.setLr(0, 0.05);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.05f, g.tracker().getNewValue(id("bias"), 7));
            assertEquals(0.1f, g.tracker().getNewValue(id("weight"), 7));
        }
        assertArrayEquals(new double[] {0.05, 0.1}, g.lrs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.tracker().getNewValue("no-such-id", 1));
        assertTrue(e.getMessage().contains("no-such-id"), e.getMessage());
    }

    @Test
    void aSchedulerDrivesTheGroupsWithLrScale() {
        DjlParamGroups g = DjlParamGroups.builder(0.1)
                .group("head", 0.0, 2.0, (name, p) -> name.equals("bias"))
                .group("rest", 1e-4, DjlParamGroups.ALL)
                .build(linear.getParameters());
        TanhLRScheduler s = TanhLRScheduler.builder(g, 10).build();
        s.step(3);
        double[] values = s.lrAt(3);
        assertEquals((float) (values[0] * 2.0), g.tracker().getNewValue(id("bias"), 1));
        assertEquals((float) values[1], g.tracker().getNewValue(id("weight"), 1));
        assertEquals(0.1, g.initialLr(0));
    }

    @Test
    void badGroupsAreRefusedWithTheirName() {
        assertThrows(IllegalArgumentException.class, () -> DjlParamGroups.builder(-1));
        DjlParamGroups.Builder b = DjlParamGroups.builder(0.1).group("a", 0, DjlParamGroups.NO_DECAY);
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> b.group("a", 0, DjlParamGroups.ALL));
        assertTrue(dup.getMessage().contains("a twice"), dup.getMessage());
        IllegalArgumentException wd = assertThrows(IllegalArgumentException.class,
                () -> DjlParamGroups.builder(0.1).group("b", -1, DjlParamGroups.ALL));
        assertTrue(wd.getMessage().contains("weight_decay of group b"), wd.getMessage());
        PairList<String, Parameter> params = linear.getParameters();
        IllegalArgumentException unmatched = assertThrows(IllegalArgumentException.class, () -> b.build(params));
        assertTrue(unmatched.getMessage().contains("parameter weight matches no group"), unmatched.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DjlParamGroups.builder(0.1).build(params));
        assertTrue(none.getMessage().contains("at least one group"), none.getMessage());
    }
}
