package org.lr4j.djl;

import ai.djl.ndarray.NDArray;

/**
 * PyTorch's {@code torch.optim.Adagrad} (no lr decay, initial accumulator 0), for DJL's PyTorch engine
 * (whose {@code Adagrad} is not implemented): {@code sum += grad^2};
 * {@code weight -= lr * grad / (sqrt(sum) + eps)}. States: {@code step}, {@code sum}, as PyTorch names them.
 */
final class TorchAdagrad extends TorchStyleOptimizer {
    private final double eps;

    TorchAdagrad(Builder builder, double eps) {
        super(builder);
        this.eps = eps;
    }

    @Override
    void step(String parameterId, NDArray weight, NDArray grad, float lr) {
        stepCount(parameterId, weight);
        NDArray sum = state("sum", parameterId, weight);
        try (NDArray g2 = grad.square()) {
            sum.addi(g2);
        }
        try (NDArray std = sum.sqrt()) {
            grad.divi(std.addi((float) eps));
        }
        weight.subi(grad.muli(lr));
    }
}
