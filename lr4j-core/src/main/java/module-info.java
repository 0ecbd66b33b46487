/**
 * lr4j core: timm's learning-rate schedulers reproduced exactly, with no dependencies.
 *
 * <ul>
 *   <li>{@link org.lr4j.driver} — parameter groups and the {@link org.lr4j.driver.LRScheduler} contract;</li>
 *   <li>{@link org.lr4j.schedule} — the schedules (tanh, cosine, poly, step, multistep, plateau);</li>
 *   <li>{@link org.lr4j.noise} — PyTorch's CPU generator and timm's noise;</li>
 *   <li>{@link org.lr4j.factory} — train.py's {@code create_scheduler} and how train.py drives it;</li>
 *   <li>{@link org.lr4j.state} — save and restore of a scheduler's state.</li>
 * </ul>
 */
module org.lr4j.core {
    exports org.lr4j.driver;
    exports org.lr4j.schedule;
    exports org.lr4j.noise;
    exports org.lr4j.factory;
    exports org.lr4j.state;
    exports org.lr4j.torch;
    exports org.lr4j.transformers;
    exports org.lr4j.python;
    exports org.lr4j.compose;
}
