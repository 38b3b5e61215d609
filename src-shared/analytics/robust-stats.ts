// Median and median absolute deviation: a centre and spread that a few outliers (earlier spikes, outages)
// cannot drag, unlike the mean and standard deviation.

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Scaled by 1.4826, so it estimates the standard deviation of normally distributed values. */
export function scaledMad(values: readonly number[], centre = median(values)): number {
  return 1.4826 * median(values.map((v) => Math.abs(v - centre)));
}
