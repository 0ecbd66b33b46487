package org.lr4j.factory;

import org.lr4j.schedule.LRScheduler;

/**
 * What {@link SchedulerFactory#create} returns, as timm's {@code create_scheduler_v2}: the scheduler and
 * the number of epochs to train.
 *
 * @param scheduler the scheduler, already written into the groups
 * @param numEpochs the number of epochs train.py would run
 */
public record CreatedScheduler(LRScheduler scheduler, long numEpochs) {
}
