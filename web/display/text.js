// Text elements: markdown (captions, st.latex, st.divider and st.badge are Markdown too,
// as in Streamlit), headings, text, code, json, html and help.
// Each builder returns {el, update?} (see elements.js).
import { h, sidebarHeadingsPlain, svgIcon } from "../dom.js";
import { helpIcon, markdownContainer } from "../widget-parts.js";
import { LINK_ICON_PATH, anchorFromText } from "../heading-anchor.js";

/** A "Copy to clipboard" button (stCodeCopyButton) that copies `getText()`. */
export function copyButton(getText) {
  const button = h("button", { type: "button", class: "wl-copy", testid: "stCodeCopyButton",
    title: "Copy to clipboard", "aria-label": "Copy to clipboard" });
  button.addEventListener("click", () => {
    const text = getText();
    if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
    button.classList.add("wl-copied");
    setTimeout(() => button.classList.remove("wl-copied"), 1000);
  });
  return h("div", { class: "wl-copy-box" }, button);
}

// The id Streamlit gives a heading without an anchor: its text, lower-case, dashed.

// Highlighted code lines as <code> content: Prism's token HTML (escaped code) when the
// page has Prism, else plain text. Line numbers are spans before each line.
function fillCode(code, view, body, language, lineNumbers) {
  const highlight = view.markdown && view.markdown.highlight;
  view.needMarkdown?.(code, () => fillCode(code, view, body, language, lineNumbers));  // Prism
  if (!lineNumbers) {
    if (highlight) code.innerHTML = highlight(body, language || "");
    else code.textContent = body;
    return;
  }
  const lines = body.split("\n");
  code.replaceChildren();
  lines.forEach((line, i) => {
    code.append(h("span", { class: "wl-line-number" }, String(i + 1)));
    const part = h("span", { class: "wl-line" });
    if (highlight) part.innerHTML = highlight(line, language || "");
    else part.textContent = line;
    code.append(part);
    if (i < lines.length - 1) code.append("\n");
  });
}

// --- st.json: a collapsible tree ---------------------------------------------------------
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
  markdown(props, view) {
    const testid = props.variant === "caption" ? "stCaptionContainer" : "stMarkdownContainer";
    const inner = markdownContainer(view, props.body, props.allow_html, testid);
    if (props.variant === "caption") inner.classList.add("wl-caption");
    const el = h("div", { testid: "stMarkdown", class: `wl-markdown wl-markdown-${props.variant || "normal"}` }, inner);
    const help = helpIcon(props.help, view);
    if (help) el.append(help);
    return { el };
  },

  heading(props, view) {
    const tag = `h${props.level}`;
    const heading = h(tag, { class: "wl-heading-text" });
    const span = h("span");
    view.renderMarkdown(span, props.body, false, true);
    heading.append(span);
    heading.id = props.anchor || anchorFromText(span.textContent);
    // As in 1.50, the help icon and the anchor link are in the heading's action elements.
    const help = helpIcon(props.help, view);
    const link = props.hide_anchor ? null
      : h("a", { href: `#${heading.id}`, class: "wl-anchor", "aria-label": "Link to heading" },
        svgIcon(LINK_ICON_PATH, { cls: "wl-anchor-icon" }));
    if (help || link) heading.append(h("span", { testid: "stHeaderActionElements", class: "wl-heading-actions" }, help, link));
    const actions = h("div", { testid: "stHeadingWithActionElements", class: "wl-heading" }, heading);
    const el = h("div", { testid: "stHeading", class: "wl-heading-block" },
      h("div", { testid: "stMarkdownContainer", class: "wl-md" }, actions));
    sidebarHeadingsPlain(el);
    if (props.divider) {
      const rule = h("hr", { testid: "stHeadingDivider", class: "wl-divider" });
      if (typeof props.divider === "string") rule.dataset.color = props.divider;
      el.append(rule);
    }
    return { el };
  },

  text(props, view) {
    const inner = h("div");
    inner.textContent = props.body;
    const el = h("div", { testid: "stText", class: "wl-text" }, inner);
    const help = helpIcon(props.help, view);
    if (help) el.append(help);
    return { el };
  },

  code(props, view) {
    const language = props.language || "plaintext";
    const code = h("code", { class: `language-${language}` });
    fillCode(code, view, props.body, props.language, props.line_numbers);
    const pre = h("pre", { class: "wl-pre" + (props.wrap_lines ? " wl-wrap" : "") +
      (props.line_numbers ? " wl-numbered" : "") }, h("div", {}, code));
    const el = h("div", { testid: "stCode", class: "wl-code" }, pre, copyButton(() => props.body));
    if (props.height) Object.assign(el.style, { height: `${props.height}px`, overflow: "auto" });
    return { el };
  },

  json(props) {
    const tree = h("div", { class: "wl-json" },
      jsonNode(null, props.data, 0, props.max_depth, props.expanded !== false));
    return { el: h("div", { testid: "stJson", class: "wl-json-block" }, tree) };
  },

  // st.html: sanitised with DOMPurify (Streamlit's settings); never scripts or handlers.
  html(props, view) {
    const el = h("div", { testid: "stHtml", class: "wl-html" });
    const draw = () => {
      const sanitize = view.markdown && view.markdown.sanitize;
      if (sanitize) el.innerHTML = sanitize(props.body);
      else el.textContent = props.body;
    };
    view.needMarkdown?.(el, draw);  // DOMPurify
    draw();
    return { el };
  },

  help(props) {
    const summary = h("div", { class: "wl-help-summary" });
    if (props.name) summary.append(h("span", { testid: "stHelpName", class: "wl-help-name" }, props.name));
    if (props.type) summary.append(h("span", { testid: "stHelpType", class: "wl-help-type" }, props.type));
    if (props.value) summary.append(h("span", { testid: "stHelpValue", class: "wl-help-value" }, props.value));
    const el = h("div", { testid: "stHelp", class: "wl-help-block" }, h("div", { class: "wl-help-header" }, summary),
      h("div", { testid: "stHelpDoc", class: "wl-help-doc" }, props.doc || "No docs available"));
    if (props.members && props.members.length) {
      const table = h("div", { testid: "stHelpMembersTable", class: "wl-help-members" });
      for (const m of props.members) {
        const head = h("div", { class: "wl-help-member-summary" },
          h("span", { testid: "stHelpMemberDocName", class: "wl-help-name" }, m.name),
          m.type ? h("span", { testid: "stHelpMemberDocType", class: "wl-help-type" }, m.type) : null);
        const detail = m.value
          ? h("span", { testid: "stHelpMemberDocValue", class: "wl-help-value" }, m.value)
          : h("span", { testid: "stHelpMemberDocString", class: "wl-help-value" }, m.doc || "No docs available");
        table.append(h("div", { testid: "stHelpMember", class: "wl-help-member" }, head, h("div", {}, detail)));
      }
      el.append(table);
    }
    return { el };
  },
};
