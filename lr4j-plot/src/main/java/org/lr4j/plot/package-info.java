/**
 * Charts of learning-rate schedules, written as PNG or SVG without a display: {@link org.lr4j.plot.LrChart}
 * draws one or several {@link org.lr4j.plot.LrSeries}; {@link org.lr4j.plot.ScheduleSeries} makes a series
 * from a scheduler's values or from what its groups receive; {@link org.lr4j.plot.TutorialGallery} draws the
 * tanh tutorial's figures.
 *
 * <pre>{@code
 * TanhLRScheduler tanh = TanhLRScheduler.builder(ParamGroupList.of(0.1), 50).build();
 * LrChart.builder().title("tanh").series(ScheduleSeries.values("t_initial=50", tanh, 60)).build()
 *         .writePng(Path.of("tanh.png"));
 * }</pre>
 */
package org.lr4j.plot;
