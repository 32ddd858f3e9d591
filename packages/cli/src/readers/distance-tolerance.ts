/**
 * How far a distance matrix read from a file may be from an exact one,
 * relative to max(1, its largest entry): a negative entry (stored as 0), a
 * non-zero diagonal or an asymmetry (the lower entry is kept, as Ripser does)
 * up to this much is rounding noise and accepted; beyond it the input is
 * refused.
 *
 * 1e-4, the core's default too: matrices are often printed with 5 decimals,
 * and two printed entries of one distance then differ by 1e-5 (the Ripser
 * benchmark's fractal_9_5_2 distance matrix has 4270 such pairs). The readers
 * check it themselves so that an error can name the file, line and column.
 */
export const DISTANCE_TOLERANCE = 1e-4;
