package example;

import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.TanhLRScheduler;

// timm's tanh schedule driving a plain loop: 30 epochs, warmup from 1e-4 to lr 0.1 over 3 epochs
public class PlainLoop {
    public static void main(String[] args) {
        ParamGroupList groups = ParamGroupList.of(0.1);                  // your optimizer's groups: lr 0.1
        TanhLRScheduler scheduler = TanhLRScheduler.builder(groups, 30) // t_initial = 30 epochs
                .warmupT(3).warmupLrInit(1e-4)
                .build();
        double w = 0;                                                    // a toy model: minimise (w - 3)^2
        for (int epoch = 0; epoch < 30; epoch++) {
            double lr = groups.lr(0);                                    // this epoch's learning rate
            w -= lr * 2 * (w - 3);                                       // one gradient-descent step
            System.out.println("epoch " + epoch + " lr " + lr + " w " + w);
            scheduler.step(epoch + 1);                                   // as timm: scheduler.step(epoch + 1)
        }
    }
}
