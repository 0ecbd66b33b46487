package org.lr4j.djl;

import ai.djl.ndarray.NDArray;

/**
 * PyTorch's {@code torch.optim.RMSprop} (not centered), as timm creates it for {@code --opt rmsprop}
 * ({@code alpha = 0.9}, {@code eps = 1e-8}), for DJL's PyTorch engine (whose {@code RmsProp} is not
 * implemented): {@code sq = alpha * sq + (1 - alpha) * grad^2}; {@code d = grad / (sqrt(sq) + eps)};
 * with momentum {@code buf = momentum * buf + d} and {@code weight -= lr * buf}, else
 * {@code weight -= lr * d}. States: {@code step}, {@code square_avg}, {@code momentum_buffer}, as PyTorch
 * names them.
 */
final class TorchRmsProp extends TorchStyleOptimizer {
    private final double alpha;
    private final double eps;
    private final double momentum;

    TorchRmsProp(Builder builder, double alpha, double eps, double momentum) {
        super(builder);
        this.alpha = alpha;
        this.eps = eps;
        this.momentum = momentum;
    }

    @Override
    void step(String parameterId, NDArray weight, NDArray grad, float lr) {
        stepCount(parameterId, weight);
        NDArray sq = state("square_avg", parameterId, weight);
        try (NDArray g2 = grad.square()) {
            sq.muli((float) alpha).addi(g2.muli((float) (1 - alpha)));
        }
        try (NDArray avg = sq.sqrt()) {
            grad.divi(avg.addi((float) eps));
        }
        if (momentum != 0) {
            NDArray buf = state("momentum_buffer", parameterId, weight);
            buf.muli((float) momentum).addi(grad);
            try (NDArray delta = buf.mul(lr)) {
                weight.subi(delta);
            }
        } else {
            weight.subi(grad.muli(lr));
        }
    }
}
