// Text elements: markdown (captions, st.latex, st.divider and st.badge are Markdown too,
// as in Streamlit), headings, text, code, html and help (st.json: json.js).
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
