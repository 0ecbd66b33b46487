/**
 * The schedulers: timm's {@link org.lr4j.schedule.TanhLRScheduler}, {@link org.lr4j.schedule.CosineLRScheduler},
 * {@link org.lr4j.schedule.PolyLRScheduler}, {@link org.lr4j.schedule.StepLRScheduler},
 * {@link org.lr4j.schedule.MultiStepLRScheduler} and {@link org.lr4j.schedule.PlateauLRScheduler}, each built
 * with a validated builder named after timm's keyword arguments, and the {@link org.lr4j.schedule.LRScheduler}
 * contract they share. A time-driven scheduler ({@link org.lr4j.schedule.TimeScheduler}) has a value for every
 * {@code t} ({@code lrAt}); plateau ({@link org.lr4j.schedule.MetricScheduler}) decides on the metrics it is
 * given. The pure formulas are {@link org.lr4j.schedule.Schedule}s, composed with a warmup and with cycles.
 *
 * <pre>{@code
 * ParamGroupList groups = ParamGroupList.of(0.1);
 * TanhLRScheduler scheduler = TanhLRScheduler.builder(groups, 30).warmupT(3).warmupLrInit(1e-4).build();
 * scheduler.step(1);
 * groups.lr(0);   // 0.03339979519417993, as timm
 * }</pre>
 */
package org.lr4j.schedule;
