package org.lr4j.train;

/**
 * One row of the run folder's {@code summary.csv}, as train.py writes it:
 * {@code epoch,train_loss,eval_loss,eval_top1,eval_top5,lr}.
 *
 * @param epoch the epoch (from 0)
 * @param trainLoss the mean training loss over the epoch's updates
 * @param evalLoss the mean validation loss
 * @param evalTop1 validation top-1 accuracy, in percent
 * @param evalTop5 validation top-5 accuracy (top-k with k = min(5, classes)), in percent
 * @param lr the mean over the groups of their learning rate after the epoch's updates, before
 *     {@code step(epoch + 1)}, as train.py reports it: in epoch mode the rate in effect during the epoch
 */
public record SummaryRow(long epoch, double trainLoss, double evalLoss, double evalTop1, double evalTop5, double lr) {
}
