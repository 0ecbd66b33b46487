/**
 * An optimizer's parameter groups as a scheduler sees them ({@link org.lr4j.group.ParamGroups}: {@code lr},
 * {@code initial_lr}, {@code lr_scale} per group), the one seam between lr4j and an optimizer. Implement it
 * over your optimizer's state, or use {@link org.lr4j.group.ParamGroupList} (objects) or
 * {@link org.lr4j.group.ParamGroupArray} (arrays) and read {@code lr(g)} where your optimizer needs a rate.
 */
package org.lr4j.group;
