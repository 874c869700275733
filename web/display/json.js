// st.json: a collapsible tree of the value, as Streamlit's JSON viewer. Its own family,
// loaded on first need (buildlib/lazy_builders.py).
import { h } from "../dom.js";

function jsonValue(value) {
  if (value === null) return h("span", { class: "wl-json-null" }, "null");
  if (typeof value === "string") return h("span", { class: "wl-json-string" }, JSON.stringify(value));
  if (typeof value === "number") return h("span", { class: "wl-json-number" }, String(value));
  if (typeof value === "boolean") return h("span", { class: "wl-json-bool" }, String(value));
  return h("span", {}, String(value));
}

function jsonNode(key, value, depth, maxDepth, expanded) {
  const row = h("div", { class: "wl-json-node" });
  const label = key === null ? null : h("span", { class: "wl-json-key" },
    typeof key === "number" ? String(key) : `"${key}"`, h("span", { class: "wl-json-colon" }, ":"));
  if (value === null || typeof value !== "object") {
    row.append(...[label, jsonValue(value)].filter(Boolean));
    return row;
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
  if (!entries.length) {  // an empty one on one line, as Streamlit's viewer: "rows":[]
    row.append(...[label, h("span", { class: "wl-json-bracket" }, isArray ? "[]" : "{}")].filter(Boolean));
    return row;
  }
  const open = expanded && (maxDepth === null || maxDepth === undefined || depth < maxDepth);
  const toggle = h("span", { class: "wl-json-toggle", role: "button", tabindex: "0",
    "aria-expanded": String(open) });
  const body = h("div", { class: "wl-json-children" });
  const ellipsis = h("span", { class: "wl-json-ellipsis" }, "...");
  let built = false;
  const show = (on) => {
    if (on && !built) {
      for (const [k, v] of entries) body.append(jsonNode(k, v, depth + 1, maxDepth, expanded));
      built = true;
    }
    body.hidden = !on;
    ellipsis.hidden = on;
    toggle.setAttribute("aria-expanded", String(on));
    row.classList.toggle("wl-json-collapsed", !on);
  };
  const flip = () => show(toggle.getAttribute("aria-expanded") !== "true");
  toggle.addEventListener("click", flip);
  toggle.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); flip(); }
  });
  const head = h("span", { class: "wl-json-head" }, toggle, label,
    h("span", { class: "wl-json-bracket" }, isArray ? "[" : "{"));
  row.append(head, ellipsis, body, h("span", { class: "wl-json-bracket" }, isArray ? "]" : "}"));
  show(open);
  return row;
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  json(props) {
    const tree = h("div", { class: "wl-json" },
      jsonNode(null, props.data, 0, props.max_depth, props.expanded !== false));
    return { el: h("div", { testid: "stJson", class: "wl-json-block" }, tree) };
  },
};
