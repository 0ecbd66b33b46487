/**
 * timm's learning-rate noise ({@link org.lr4j.noise.Noise}, {@code noise_range_t}, {@code noise_pct},
 * {@code noise_type}, {@code noise_seed}) and the generator it draws from: PyTorch's CPU generator
 * ({@link org.lr4j.noise.TorchGenerator}), reproduced bit for bit, so that noisy schedules match timm's exactly.
 */
package org.lr4j.noise;
