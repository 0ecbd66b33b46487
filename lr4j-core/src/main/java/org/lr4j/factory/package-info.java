/**
 * timm's train.py around a scheduler: its flags ({@link org.lr4j.factory.SchedulerConfig}), its
 * {@code create_scheduler} ({@link org.lr4j.factory.SchedulerFactory}, which also chooses the number of
 * epochs) and the order in which its loop calls the scheduler ({@link org.lr4j.factory.TrainLoop}).
 */
package org.lr4j.factory;
