package example;

import org.lr4j.driver.ParamGroupList;
import org.lr4j.schedule.TanhLRScheduler;

/**
 * A plain Java training loop whose learning rate follows timm's tanh schedule: one parameter {@code w},
 * trained by gradient descent to minimise {@code (w - 3)^2}, 30 epochs, a 3-epoch warmup from 1e-4 to 0.1.
 * The marked part is the README's example, word for word.
 */
public final class PlainLoop {
    private PlainLoop() {
    }

    public static void main(String[] args) {
        // README example: begin
        ParamGroupList groups = ParamGroupList.of(0.1);                  // your optimizer's groups: lr 0.1
        TanhLRScheduler scheduler = TanhLRScheduler.builder(groups, 30) // t_initial = 30 epochs
                .warmupT(3).warmupLrInit(1e-4)
                .build();
        double w = 0;                                                    // a toy model: minimise (w - 3)^2
        for (int epoch = 0; epoch < 30; epoch++) {
            double lr = groups.lr(0);                                    // the rate of this epoch
            w -= lr * 2 * (w - 3);                                       // one gradient-descent update
            System.out.println("epoch " + epoch + " lr " + lr + " w " + w);
            scheduler.step(epoch + 1, null);                             // timm: scheduler.step(epoch + 1)
        }
        // README example: end
    }
}
