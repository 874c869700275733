// h(tag, attrs, ...children): a small element factory. Attribute values are set with
// setAttribute and children appended as nodes or text, never parsed as HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "testid") el.dataset.testid = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

let counter = 0;
export function uid(prefix = "wl") {
  counter += 1;
  return `${prefix}-${counter}`;
}
