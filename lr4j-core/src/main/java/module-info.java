/**
 * lr4j core: timm's learning-rate schedulers reproduced exactly, with no dependencies.
 *
 * <h2>1. Build a scheduler</h2>
 * A scheduler writes the learning rates of an optimizer's parameter groups ({@link org.lr4j.group.ParamGroups}:
 * your optimizer's own, or {@link org.lr4j.group.ParamGroupList} for a plain loop). Build it with the
 * reference's hyper-parameters, by their names in camelCase; {@code build()} checks them, and a bad one
 * is an {@link java.lang.IllegalArgumentException} that names the parameter, the rule and the value.
 * <pre>{@code
 * ParamGroupList groups = ParamGroupList.of(0.1);                  // one group, lr 0.1
 * TanhLRScheduler scheduler = TanhLRScheduler.builder(groups, 30) // timm: t_initial=30
 *         .warmupT(3).warmupLrInit(1e-4)
 *         .build();
 * groups.lr(0);   // 1.0E-4: warmup_lr_init, written at construction as timm does
 * }</pre>
 * From train.py's flags instead: {@code SchedulerFactory.create(config, groups, updatesPerEpoch)} with a
 * {@link org.lr4j.factory.SchedulerConfig} ({@link org.lr4j.factory}). PyTorch's schedulers
 * ({@link org.lr4j.torch}), transformers' schedules ({@link org.lr4j.transformers}) and sequences of any of
 * them ({@link org.lr4j.compose}) drive the same groups; a Python call pasted as text
 * ({@code OneCycleLR(max_lr=0.1, total_steps=1000)}) becomes one through {@link org.lr4j.python}.
 *
 * <h2>2. Drive it</h2>
 * Nothing counts inside a scheduler: you pass the epoch (or update) count, as in timm. After each epoch,
 * {@code step(epoch + 1)} (with the eval metric for plateau); after each optimizer update,
 * {@code stepUpdate(numUpdates)}; each acts only in its mode ({@code t_in_epochs}). Then read the groups.
 * <pre>{@code
 * for (int epoch = 0; epoch < 30; epoch++) {
 *     double lr = groups.lr(0);      // this epoch's rate: 1.0E-4, 0.03339979519417993, ...
 *     // ... train one epoch with lr ...
 *     scheduler.step(epoch + 1);
 * }
 * }</pre>
 * {@link org.lr4j.factory.TrainLoop} makes these calls in train.py's order around your own loop.
 *
 * <h2>3. Save and restore it</h2>
 * {@code state()} is the complete state as one plain value ({@link org.lr4j.state.SchedulerState});
 * {@link org.lr4j.state.StateJson} writes it as JSON and reads it back, and {@link org.lr4j.state.AtomicFiles}
 * replaces a file without ever leaving it half-written. A scheduler built with the same configuration on
 * fresh groups and given the state with {@code restore} continues exactly, bit for bit.
 * <pre>{@code
 * AtomicFiles.writeString(Path.of("sched.json"), StateJson.toJson(scheduler.state()));
 * // later, in a new process, with a scheduler built as above on fresh groups:
 * scheduler.restore(StateJson.fromJson(Files.readString(Path.of("sched.json"))));
 * }</pre>
 *
 * <h2>4. Plug it into DJL</h2>
 * The artifact {@code org.lr4j:lr4j-djl} makes a DJL model's parameters into groups
 * ({@code DjlParamGroups}), whose {@code tracker()} is the learning rate every DJL optimizer reads, and
 * steps a scheduler from DJL's {@code EasyTrain.fit} in train.py's order ({@code SchedulerTrainingListener});
 * its package {@code org.lr4j.djl} shows how.
 *
 * <h2>The API</h2>
 * The packages below are exported; each one's page tells what it holds.
 *
 * <p>The module's name, {@code org.lr4j.core}, and these exported packages are the supported API,
 * versioned semantically (the project's {@code CHANGELOG.md} says what that covers). {@code org.lr4j.internal}
 * (checks, conversions, the reference-case harness of {@code lr4j replay}) is not exported: it is no part of
 * the supported API. Nulls are refused with a {@link java.lang.NullPointerException} naming the parameter.
 */
module org.lr4j.core {
    exports org.lr4j.schedule;
    exports org.lr4j.group;
    exports org.lr4j.noise;
    exports org.lr4j.factory;
    exports org.lr4j.python;
    exports org.lr4j.state;
    exports org.lr4j.torch;
    exports org.lr4j.transformers;
    exports org.lr4j.compose;
}
