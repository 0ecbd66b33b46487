/**
 * Schedulers from a Python call's keyword arguments, by the reference's own names
 * ({@link org.lr4j.python.TimmKwargs}: {@code TanhLRScheduler(optimizer, t_initial=50, lb=-6)} becomes
 * {@code TimmKwargs.create("tanh", Profile.CURRENT, Map.of("t_initial", 50, "lb", -6), groups)}).
 */
package org.lr4j.python;
