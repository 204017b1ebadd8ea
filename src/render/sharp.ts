/**
 * sharp with the process-wide settings of a small, long-running service. Import sharp through this
 * module so the settings hold whichever thread loads it first (libvips state is per process).
 *
 * libvips' operation cache (by default up to 50 MB and 100 operations) keeps the output of recent
 * operations in case an identical one follows. Here every poster encode, art decode and logo
 * conversion is new, so the cache only held memory: the raw 500×750 surfaces the WebP encoder read.
 */
import sharp from 'sharp';

sharp.cache(false);

export default sharp;
export type { Metadata } from 'sharp';
