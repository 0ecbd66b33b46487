package org.lr4j.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroupList;

/** LambdaLR and MultiplicativeLR over Java functions, against values computed by hand. */
class TorchLambdaTest {
    @Test
    void lambdaLRIsTheBaseTimesTheFunction() {
        ParamGroupList g = ParamGroupList.of(0.1);
        LambdaLR s = LambdaLR.of(g, e -> Math.pow(0.95, e));
        assertEquals(0.1, g.lr(0)); // 0.1 * 0.95^0
        s.step();
        assertEquals(0.1 * 0.95, g.lr(0)); // 0.095
        s.step();
        assertEquals(0.1 * Math.pow(0.95, 2), g.lr(0)); // 0.09025 up to the last bit
        assertEquals(0.09025, g.lr(0), 1e-17);
        assertEquals(2, s.lastEpoch());
    }

    @Test
    void oneFunctionPerGroup() {
        ParamGroupList g = ParamGroupList.of(1.0, 0.5);
        LambdaLR s = LambdaLR.of(g, List.<LongToDoubleFunction>of(e -> Math.floorDiv(e, 30), e -> 1.0 / (e + 1)));
        // epoch 0: 1.0 * (0 // 30) = 0; 0.5 * 1 / 1 = 0.5
        assertEquals(List.of(0.0, 0.5), List.of(g.lr(0), g.lr(1)));
        for (int i = 0; i < 30; i++) {
            s.step();
        }
        // epoch 30: 1.0 * 1 = 1.0; 0.5 / 31
        assertEquals(1.0, g.lr(0));
        assertEquals(0.5 / 31, g.lr(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LambdaLR.of(ParamGroupList.of(1.0), List.<LongToDoubleFunction>of(x -> 1, x -> 1)));
        assertEquals("lr_lambda must be one function per group: Expected 1 lr_lambdas, but got 2", e.getMessage());
    }

    @Test
    void multiplicativeLRMultipliesTheCurrentRateFromEpochOne() {
        ParamGroupList g = ParamGroupList.of(1.0);
        MultiplicativeLR s = MultiplicativeLR.of(g, e -> 0.5);
        assertEquals(1.0, g.lr(0)); // epoch 0: unchanged
        s.step();
        assertEquals(0.5, g.lr(0));
        s.step();
        assertEquals(0.25, g.lr(0));
        // the factor sees the epoch: lr_3 = 0.25 * (1 - 3/10) = 0.175 (up to rounding)
        ParamGroupList h = ParamGroupList.of(2.0);
        MultiplicativeLR m = MultiplicativeLR.of(h, e -> 1 - e / 10.0);
        m.step(); // 2 * 0.9 = 1.8
        m.step(); // 1.8 * 0.8 = 1.44
        m.step(); // 1.44 * 0.7 = 1.008
        assertEquals(2.0 * 0.9 * 0.8 * 0.7, h.lr(0));
        assertEquals(1.008, h.lr(0), 1e-15);
    }

    @Test
    void lambdaStateRestoresWithTheSameFunction() {
        ParamGroupList a = ParamGroupList.of(1.0);
        MultiplicativeLR s = MultiplicativeLR.of(a, e -> 0.9);
        s.step();
        s.step();
        TorchState st = s.state();
        ParamGroupList b = ParamGroupList.of(1.0);
        MultiplicativeLR r = MultiplicativeLR.of(b, e -> 0.9);
        r.restore(st);
        s.step();
        r.step();
        assertEquals(a.lr(0), b.lr(0));
        assertEquals(0.9 * 0.9 * 0.9, b.lr(0));
    }
}
