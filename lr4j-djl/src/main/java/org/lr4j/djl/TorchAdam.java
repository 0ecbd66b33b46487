package org.lr4j.djl;

import ai.djl.ndarray.NDArray;

/**
 * PyTorch's {@code torch.optim.Adam} (L2 weight decay, added to the gradient) and, with decoupled weight
 * decay, {@code torch.optim.AdamW} ({@code weight *= 1 - lr * weight_decay} first), not amsgrad:
 * {@code step += 1}; {@code m = beta1 * m + (1 - beta1) * grad};
 * {@code v = beta2 * v + (1 - beta2) * grad^2};
 * {@code weight -= lr / (1 - beta1^step) * m / (sqrt(v) / sqrt(1 - beta2^step) + eps)}.
 * States: {@code exp_avg}, {@code exp_avg_sq}, {@code step}, as PyTorch names them. {@code beta1} is read at
 * every update (PyTorch's {@code group['betas'][0]}, which {@code OneCycleLR}/{@code CyclicLR} cycle), and the
 * bias correction {@code 1 - beta1^step} uses the current one, as PyTorch's does.
 */
final class TorchAdam extends TorchStyleOptimizer {
    private final java.util.function.DoubleSupplier beta1;
    private final double beta2;
    private final double eps;
    private final boolean decoupled;

    TorchAdam(Builder builder, java.util.function.DoubleSupplier beta1, double beta2, double eps, boolean decoupled) {
        super(builder);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.decoupled = decoupled;
    }

    @Override
    boolean decoupledWeightDecay() {
        return decoupled;
    }

    @Override
    void step(String parameterId, NDArray weight, NDArray grad, float lr) {
        long step = stepCount(parameterId, weight);
        double beta1 = this.beta1.getAsDouble();
        NDArray m = state("exp_avg", parameterId, weight);
        NDArray v = state("exp_avg_sq", parameterId, weight);
        m.muli((float) beta1);
        try (NDArray g = grad.mul((float) (1 - beta1))) {
            m.addi(g);
        }
        v.muli((float) beta2);
        try (NDArray g2 = grad.mul((float) (1 - beta2))) {
            v.addi(g2.muli(grad));
        }
        double bias1 = 1 - Math.pow(beta1, step);
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        float stepSize = (float) (lr / bias1);
        try (NDArray denom = v.sqrt()) {
            denom.divi((float) bias2Sqrt).addi((float) eps);
            try (NDArray delta = m.div(denom)) {
                weight.subi(delta.muli(stepSize));
            }
        }
    }
}
