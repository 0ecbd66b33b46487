/**
 * Save and restore: a scheduler's complete state as one plain value ({@link org.lr4j.state.SchedulerState}),
 * its JSON form ({@link org.lr4j.state.StateJson}), and files replaced atomically
 * ({@link org.lr4j.state.AtomicFiles}). A scheduler built with the same configuration on fresh groups and
 * given a saved state with {@code restore} continues exactly as the one it was taken from.
 *
 * <pre>{@code
 * AtomicFiles.writeString(Path.of("sched.json"), StateJson.toJson(scheduler.state()));
 * scheduler.restore(StateJson.fromJson(Files.readString(Path.of("sched.json"))));
 * }</pre>
 */
package org.lr4j.state;
