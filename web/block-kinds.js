// Builders for blocks (containers), one per kind: the layout containers (blocks.js), the
// status container (display/status.js) and dialogs (dialog.js). Each returns
// {el, body, update?, childAdded?, dispose?}; the block's children go in `body`.
import { h } from "./dom.js";
import { BLOCKS as LAYOUT } from "./blocks.js";
import { BLOCKS as STATUS } from "./display/status.js";
import { BLOCKS as DIALOG } from "./dialog.js";
import { mergeBuilders } from "./builder-maps.js";

/** @type {import("./protocol").BlockBuilders} */
export const BLOCK_BUILDERS = mergeBuilders("block builders", LAYOUT, STATUS, DIALOG);

/**
 * A block of `kind`. A kind this page has no builder for is a console error; its children
 * still show, in a plain box.
 * @param {string} kind
 * @param {import("./protocol").Props} props
 * @param {import("./render.js").AppView} view
 * @returns {import("./protocol").BlockApi}
 */
export function buildBlock(kind, props, view) {
  if (Object.hasOwn(BLOCK_BUILDERS, kind)) return BLOCK_BUILDERS[kind](props, view);
  console.error(`wasmlit: unknown block kind "${kind}"`);
  const el = h("div", { class: "wl-vblock wl-unknown-block" });
  return { el, body: el };
}
