/**
 * lr4j schedulers driving Deep Java Library optimizers. {@link org.lr4j.djl.DjlParamGroups} splits a model's
 * parameters into groups (timm's no-weight-decay groups, or your own rules); they are the
 * {@link org.lr4j.group.ParamGroups} a scheduler writes, and their {@link org.lr4j.djl.DjlParamGroups#tracker()}
 * is the learning rate every DJL optimizer reads. {@link org.lr4j.djl.Optimizers} makes optimizers that update
 * as PyTorch's do, one per group.
 *
 * {@link org.lr4j.djl.SchedulerTrainingListener} steps a scheduler from DJL's {@code EasyTrain.fit} in timm's
 * train.py order.
 *
 * <pre>{@code
 * DjlParamGroups groups = DjlParamGroups.builder(0.1).group("all", 0.0, DjlParamGroups.ALL)
 *         .build(block.getParameters());
 * TanhLRScheduler scheduler = TanhLRScheduler.builder(groups, 30).warmupT(3).warmupLrInit(1e-4).build();
 * DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
 *         .optOptimizer(Optimizer.sgd().setLearningRateTracker(groups.tracker()).build())
 *         .addTrainingListeners(SchedulerTrainingListener.of(scheduler, batchesPerEpoch));
 * // EasyTrain.fit(trainer, 30, trainingSet, validationSet): epoch e trains at timm's rate for epoch e
 * }</pre>
 *
 * <p>Your program, not this library, keeps DJL off the network: set the system properties
 * {@code ai.djl.offline} and {@code OPT_OUT_TRACKING} to {@code true} before DJL's engine loads.
 */
package org.lr4j.djl;
