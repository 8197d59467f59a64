// Settings of the copy index's candidate search (the verification thresholds are in options.ts).

/**
 * Below this many sampled keys of a view (a text of a few dozen words), one shared key makes a candidate:
 * a short article keeps only a key or two after sampling, and its copy may share just one of them.
 */
export const FEW_KEYS = 3;
