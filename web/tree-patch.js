// Tree patching: the "set", "update" and "trim" changes a run sends, applied to the DOM.
// The page's tree mirrors Python's (runtime/wasmlit/tree.py): `view.nodes` maps each node
// id to {el, body?, kind, props, api}; a widget's api is also in `view.widgets` by widget id.
import { h, keyClass, userKeyOf } from "./dom.js";
import { buildBlock } from "./block-kinds.js";
import { buildElement, builderReady, updateElement } from "./elements.js";

/** @typedef {import("./render.js").AppView} AppView */
/** @typedef {import("./protocol").TreeNode} TreeNode */

/** @param {AppView} view @param {import("./protocol").SetChange} change */
export function setNode(view, { parent, index, id, kind, props, block }) {
  const parentNode = view.nodes.get(parent);
  if (!parentNode) return;
  const node = block ? blockNode(view, id, kind, props) : leafNode(view, id, kind, props);
  const body = parentNode.body;
  const old = body.children[index];
  if (old) {
    forget(view, old);
    body.replaceChild(node.el, old);
  } else {
    body.append(node.el);
  }
  const api = /** @type {import("./protocol").BlockApi | undefined} */ (parentNode.api);
  if (api && api.childAdded) api.childAdded();
  showIfFilled(parentNode);
  if (parent === "sidebar") view.showSidebar(true);
  if (parent === "bottom") view.showBottom(true);
}

// The value a widget is told it had before an update with `reset` (a form cleared on
// submit): differs from any value, so the widget drops what the user entered.
const RESET = Symbol("reset");

/** `reset`: the widget shows props.value in place of what the user entered, even when
 * that is the value it had (Python clears a form on submit this way).
 * @param {AppView} view @param {import("./protocol").UpdateChange} change */
export function updateNode(view, { id, props, reset }) {
  const node = view.nodes.get(id);
  if (!node) return;
  const before = reset ? { ...node.props, value: RESET } : node.props;
  node.props = props;
  if (node.body) { if (node.api && node.api.update) node.api.update(props, before); return; }
  view.markdownLoader.drawing(id, () => {
    if (node.api && node.api.update) node.api.update(props, before);
    else updateElement(node, props, view);
  });
}

/** @param {AppView} view @param {import("./protocol").TrimChange} change */
export function trimNode(view, { parent, length }) {
  const parentNode = view.nodes.get(parent);
  if (!parentNode) return;
  const body = parentNode.body;
  while (body.children.length > length) {
    const last = body.lastElementChild;
    forget(view, last);
    last.remove();
  }
  showIfFilled(parentNode);
  if (parent === "sidebar" && length === 0) view.showSidebar(false);
  if (parent === "bottom" && length === 0) view.showBottom(false);
}

// A block Streamlit does not draw while empty (allow_empty false: a form, a plain
// container) stands in its parent as a bare placeholder until it gets a child.
/** @param {TreeNode} node */
function showIfFilled(node) {
  if (!node.placeholder) return;
  const filled = node.body.children.length > 0;
  const showing = filled ? node.blockEl : node.placeholder;
  if (node.el !== showing) {
    node.el.replaceWith(showing);
    node.el = showing;
  }
}

/** @returns {TreeNode} */
function blockNode(view, id, kind, props) {
  const api = buildBlock(kind, props, view);
  api.el.dataset.wlId = id;
  /** @type {TreeNode} */
  const node = { el: api.el, blockEl: api.el, body: api.body, kind, props, api };
  if (props.allow_empty === false) {
    node.placeholder = h("div", { class: "wl-empty-block", hidden: true });
    node.placeholder.dataset.wlId = id;
    node.el = node.placeholder;
  }
  view.nodes.set(id, node);
  return node;
}

/** @returns {TreeNode} */
function leafNode(view, id, kind, props) {
  const api = view.markdownLoader.drawing(id, () => buildElement(kind, props, view));
  const el = h("div", { testid: "stElementContainer", class: `wl-element wl-el-${kind}` }, api.el);
  const key = userKeyOf(props.id);
  if (key) el.classList.add(keyClass(key));
  el.dataset.wlId = id;
  const node = { el, kind, props, api };
  view.nodes.set(id, node);
  if (props.id) view.widgets.set(props.id, api);
  return node;
}

/** Drop map entries (and widget handles) of a subtree leaving the page.
 * @param {AppView} view @param {Element} el */
function forget(view, el) {
  const gone = [el, ...el.querySelectorAll("[data-wl-id]")];
  for (const e of gone) {
    const id = /** @type {HTMLElement} */ (e).dataset.wlId;
    const node = view.nodes.get(id);
    if (!node) continue;
    if (node.placeholder && e === node.placeholder) {
      gone.push(...node.blockEl.querySelectorAll("[data-wl-id]"));
    }
    if (node.props && node.props.id && view.widgets.get(node.props.id) === node.api) {
      view.widgets.delete(node.props.id);
    }
    if (node.api && node.api.dispose) node.api.dispose();
    view.nodes.delete(id);
  }
}

/** A leaf element built again from its props (markdown.js arrived after it was drawn).
 * @param {AppView} view @param {string} id */
export function redrawLeaf(view, id) {
  const node = view.nodes.get(id);
  if (node && !node.body) view.markdownLoader.drawing(id, () => updateElement(node, node.props, view));
}

/** Draw again the elements drawn as "could not load" whose builders are here now.
 * @param {AppView} view */
export function redrawNotLoaded(view) {
  for (const [id, node] of view.nodes) {
    const api = /** @type {import("./protocol").ElementApi | undefined} */ (node.api);
    if (!node.body && api?.notLoaded && builderReady(node.kind)) redrawLeaf(view, id);
  }
}
