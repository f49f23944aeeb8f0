/**
 * The object-table type ids of NumPy's objects (T.FirstExtension = 64 and up are for layers above
 * python/; numpy takes 64..66).
 */
export const NDARRAY = 64;
/** The `numpy` module object (a module whose attribute lookup numpy answers). */
export const NP_MODULE = 65;
/** dtype objects: np.float64 and friends (static in NumPy: builtin descrs and scalar types). */
export const NP_DTYPE = 66;
