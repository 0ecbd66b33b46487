package org.lr4j.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;

/**
 * Trainable parameters with fixed values and a loss {@code sum_i sum(c_i * p_i)} whose gradient is
 * {@code c_i}: one optimizer update is what DJL's parameter store does (a backward pass, then
 * {@code optimizer.update(id, weight, copy of its gradient)} for each parameter).
 */
final class TwoParams implements AutoCloseable {
    final NDManager manager = NDManager.newBaseManager("PyTorch");
    final ParameterList params = new ParameterList();
    private final NDArray[] constants;

    /** {@code values[i]} and {@code grads[i]} flat, with {@code shapes[i]}. */
    TwoParams(String[] names, Shape[] shapes, float[][] values, float[][] grads) {
        constants = new NDArray[names.length];
        for (int i = 0; i < names.length; i++) {
            NDArray a = manager.create(values[i], shapes[i]);
            a.setRequiresGradient(true);
            Parameter p = Parameter.builder().setName(names[i]).setType(Parameter.Type.WEIGHT).build();
            p.setArray(a);
            params.add(names[i], p);
            constants[i] = manager.create(grads[i], shapes[i]);
        }
    }

    NDArray array(int i) {
        return params.get(i).getValue().getArray();
    }

    float[] values(int i) {
        return array(i).toFloatArray();
    }

    void update(Optimizer optimizer) {
        try (NDManager sub = manager.newSubManager()) {
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray total = null;
                for (int i = 0; i < constants.length; i++) {
                    NDArray t = array(i).mul(constants[i]).sum();
                    t.attach(sub);
                    total = total == null ? t : total.add(t);
                    total.attach(sub);
                }
                gc.backward(total);
            }
            for (int i = 0; i < constants.length; i++) {
                NDArray g = array(i).getGradient().duplicate();
                g.attach(sub);
                optimizer.update(params.get(i).getValue().getId(), array(i), g);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
