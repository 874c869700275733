// One map of builders from the maps each module exports. Object spread would let a kind
// defined in two modules silently take the later one; here that is an error at load.

/**
 * The maps' builders in one map; throws when two maps define the same kind.
 * @template {Record<string, Function>[]} M
 * @param {string} what  what the maps hold, for the error ("element builders")
 * @param {M} maps
 * @returns {import("./protocol").Merged<M[number]>}
 */
export function mergeBuilders(what, ...maps) {
  /** @type {Record<string, Function>} */
  const merged = {};
  for (const map of maps) {
    for (const [kind, builder] of Object.entries(map)) {
      if (kind in merged) throw new Error(`wasmlit: two ${what} for "${kind}"`);
      merged[kind] = builder;
    }
  }
  return /** @type {any} */ (merged);
}
