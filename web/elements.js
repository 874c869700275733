// Builders for leaf elements, one per kind. Each returns {el, update?, read?, formId?}:
// `update(props, before)` patches in place (widgets keep focus and what the user typed);
// without it, an update rebuilds the element. `read()` gives a widget's current value
// (forms send them all on submit).
import { h } from "./dom.js";
import { BUILDERS as TEXT } from "./display/text.js";
import { BUILDERS as STATUS } from "./display/status.js";
import { BUILDERS as DATA } from "./display/data.js";
import { BUILDERS as MEDIA } from "./display/media.js";
import { BUILDERS as FIGURES } from "./display/figures.js";
import { BUILDERS as CHARTS } from "./display/charts.js";
import { BUILDERS as GRAPHVIZ } from "./display/graphviz.js";
import { BUILDERS as PDF } from "./display/pdf.js";
import { BUILDERS as NAVIGATION } from "./display/navigation.js";
import { BUILDERS as DECK } from "./display/deck.js";
import { BUILDERS as AUDIO_INPUT } from "./widgets/audio_input.js";
import { BUILDERS as COMPONENTS } from "./display/components.js";
import { BUILDERS as BASIC } from "./widgets/basic.js";
import { BUILDERS as CHOICE } from "./widgets/choice.js";
import { BUILDERS as RANGES } from "./widgets/ranges.js";
import { BUILDERS as PICKERS } from "./widgets/pickers.js";
import { BUILDERS as CHAT } from "./widgets/chat.js";
import { BUILDERS as FILES } from "./widgets/files.js";
import { BUILDERS as DATA_EDITOR } from "./widgets/data_editor.js";
import { mergeBuilders } from "./builder-maps.js";


// A kind this page has no builder for (a newer runtime, a protocol mismatch): said in
// the console, and shown in place of the element.
function unknown(kind) {
  console.error(`wasmlit: unknown element kind "${kind}"`);
  const el = h("div", { class: "wl-unknown" });
  el.textContent = `wasmlit cannot show "${kind}" elements yet.`;
  return { el };
}

/** @type {import("./protocol").ElementBuilders} */
export const ELEMENT_BUILDERS = mergeBuilders("element builders", TEXT, STATUS, DATA, MEDIA, FIGURES,
  CHARTS, NAVIGATION, BASIC, CHOICE, RANGES, PICKERS, CHAT, FILES, DATA_EDITOR, GRAPHVIZ, PDF,
  COMPONENTS, DECK,
  AUDIO_INPUT);

/**
 * @param {string} kind
 * @param {import("./protocol").Props} props
 * @param {import("./render.js").AppView} view
 * @returns {import("./protocol").ElementApi}
 */
export function buildElement(kind, props, view) {
  const build = Object.hasOwn(ELEMENT_BUILDERS, kind) ? ELEMENT_BUILDERS[kind] : null;
  return build ? build(props, view) : unknown(kind);
}

// Rebuild an element that has no in-place update.
export function updateElement(node, props, view) {
  node.api.dispose?.();  // what the old one holds outside its element (a toast, a timer)
  const fresh = buildElement(node.kind, props, view);
  node.api.el.replaceWith(fresh.el);
  if (props.id) view.widgets.set(props.id, fresh);
  node.api = fresh;
}
