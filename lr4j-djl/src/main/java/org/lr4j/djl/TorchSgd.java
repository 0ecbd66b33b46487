package org.lr4j.djl;

import ai.djl.ndarray.NDArray;

/**
 * PyTorch's {@code torch.optim.SGD} with momentum (dampening 0), optionally Nesterov, for DJL's PyTorch
 * engine (whose {@code Nag} is not implemented): {@code buf = momentum * buf + grad}; Nesterov:
 * {@code weight -= lr * (grad + momentum * buf)}; else {@code weight -= lr * buf}. With momentum 0 it
 * is plain SGD, {@code weight -= lr * grad}. State: {@code momentum_buffer}, as PyTorch names it (zeros at
 * first, so the first update sets it to the gradient, as PyTorch's clone does). The momentum is read at
 * every update (a scheduler may cycle it: PyTorch's {@code OneCycleLR} and {@code CyclicLR} write
 * {@code group['momentum']}).
 */
final class TorchSgd extends TorchStyleOptimizer {
    private final java.util.function.DoubleSupplier momentum;
    private final boolean nesterov;

    TorchSgd(Builder builder, java.util.function.DoubleSupplier momentum, boolean nesterov) {
        super(builder);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    void step(String parameterId, NDArray weight, NDArray grad, float lr) {
        double momentum = this.momentum.getAsDouble();
        if (momentum != 0) {
            NDArray buf = state("momentum_buffer", parameterId, weight);
            buf.muli((float) momentum).addi(grad);
            if (nesterov) {
                try (NDArray m = buf.mul((float) momentum)) {
                    grad.addi(m);
                }
            } else {
                try (NDArray delta = buf.mul(lr)) {
                    weight.subi(delta);
                }
                return;
            }
        }
        weight.subi(grad.muli(lr));
    }
}
