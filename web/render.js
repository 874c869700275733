// AppView: one app's page. It mirrors the Python element tree in the DOM by applying
// the changes a run sends ("set", "update", "trim", plus timers and toasts), and it
// queues page events (clicks, edits, timer ticks) for the Python run pump.
//
// User text is always set with textContent; only Markdown goes through markdown-it,
// with raw HTML disabled unless the app passed unsafe_allow_html=True.
import { h, safeUrl } from "./dom.js";
import { BLOCKS as LAYOUT_BLOCKS } from "./blocks.js";
import { BLOCKS as STATUS_BLOCKS } from "./display/status.js";
import { buildElement, updateElement } from "./elements.js";
import { copyButton } from "./display/text.js";
import { pageInfo, showQuery, watchHistory } from "./page-info.js";
import { applyPageConfig, applyTheme, setupSidebar } from "./page-layout.js";
import { pageSegment, setupNavigation } from "./display/navigation.js";

const IDLE = "notRunning";
// Text that Streamlit's Markdown shows as it is (no Markdown, HTML, link, emoji, math or
// typographic syntax): drawn without loading markdown.js. Deliberately narrow: anything
// else waits for markdown-it.
const PLAIN_TEXT = /^[\p{L}\p{M}\p{N}\p{Extended_Pictographic}\u200D\uFE0F ,.;:!?'"()%/-]*$/u;
const NOT_PLAIN = /^\d+[.)]|^ | $|  |\.[^ ]|:[^ ]|(^| )-|-( |$)/u;
const CLEARED = Symbol("cleared");
const RUNNING = "running";

// Block kinds: the layout containers (blocks.js), status containers, and dialogs.
const BLOCKS = {
  ...LAYOUT_BLOCKS,
  ...STATUS_BLOCKS,
  dialog(props, view) {
    return makeDialog(props, view);
  },
};

// A modal in the event area. Closing it (Escape, the close button, a click outside)
// detaches the modal but keeps its body, so a rerun that reopens it finds it intact.
function makeDialog(props, view) {
  const slot = h("div", { class: "wl-dialog-slot" });
  const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
  const title = h("div", { testid: "stMarkdownContainer", class: "wl-md wl-dialog-title" });
  const close = h("button", { type: "button", class: "wl-dialog-close", "aria-label": "Close" }, "×");
  const box = h("div", { role: "dialog", "aria-modal": "true", "aria-label": "dialog", tabindex: "-1",
    class: `wl-dialog-box wl-dialog-${props.width}` }, h("div", { class: "wl-dialog-head" }, title, close),
    h("div", { class: "wl-dialog-body" }, body));
  const modal = h("div", { testid: "stDialog", class: "wl-dialog" }, box);
  let returnFocus = null;

  const draw = (p) => {
    view.renderMarkdown(title, p.title, false, true);
    close.hidden = !p.dismissible;
  };
  // While open, the modal owns the keyboard: Escape dismisses, Tab cycles inside it.
  const onKey = (ev) => {
    if (ev.key === "Escape") { ev.preventDefault(); dismiss(); }
    else if (ev.key === "Tab") trapFocus(box, ev);
  };
  const hide = () => {
    modal.remove();
    document.removeEventListener("keydown", onKey, true);
  };
  const open = () => {
    if (modal.isConnected) return;
    returnFocus = document.activeElement;
    slot.append(modal);
    document.addEventListener("keydown", onKey, true);
    // The slot joins the page after the builder returns: focus once it is there.
    requestAnimationFrame(() => { if (modal.isConnected && !box.contains(document.activeElement)) box.focus(); });
  };
  const dismiss = () => {
    if (!props.dismissible || !modal.isConnected) return;
    hide();
    if (returnFocus && returnFocus.isConnected) returnFocus.focus();
    if (props.dismiss_id) view.sendWidget(props.dismiss_id, true);
  };
  close.addEventListener("click", dismiss);
  modal.addEventListener("mousedown", (ev) => { if (ev.target === modal) dismiss(); });
  draw(props);
  open();
  return {
    el: slot, body,
    update(p, before) {
      props = p;
      draw(p);
      if (p.opened !== before.opened) open();
    },
    dispose: hide,
  };
}

// Keep Tab and Shift+Tab inside a modal.
function trapFocus(container, ev) {
  const focusable = [...container.querySelectorAll(
    "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])")]
    .filter((e) => !e.disabled && e.offsetParent !== null);
  if (!focusable.length) { ev.preventDefault(); return; }
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!container.contains(document.activeElement)) {
    // Focus got outside (it had not moved in yet): Tab brings it back into the modal.
    ev.preventDefault();
    (ev.shiftKey ? last : first).focus();
  } else if (ev.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    ev.preventDefault(); last.focus();
  } else if (!ev.shiftKey && document.activeElement === last) {
    ev.preventDefault(); first.focus();
  }
}

// Streamlit's notice in a form that has no submit button.
const MISSING_SUBMIT = "**Missing Submit Button**\n\nThis form has no submit button, which means " +
  "that user interactions will never be sent to your Streamlit app.\n\nTo create a submit button, " +
  "use the `st.form_submit_button()` function.\n\nFor more information, refer to the " +
  "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).";

export class AppView {
  constructor(root, { markdown, theme, ownsURL = true } = {}) {
    this.root = root;
    // Whether the page URL is this app's (a built site's app): its query string and page
    // path are st.query_params and the page. An app embedded among others keeps them to
    // itself, so it never rewrites the host page's URL.
    this.ownsURL = ownsURL;
    // `markdown`: markdown.js's renderers, or a function loading them on first need.
    this.markdown = typeof markdown === "function" ? null : markdown;
    this.loadMarkdown = typeof markdown === "function" ? markdown : null;
    this.markdownWaiting = new Map();  // element (or "leaf:ID") -> redraw once markdown.js is there
    this.markdownLoading = null;
    this.drawingLeaf = null;  // the id of the leaf element being built or updated
    this.events = [];
    this.busy = false;
    this.pump = null;
    this.nodes = new Map();       // node id -> {el, body, kind, props, api}
    this.widgets = new Map();     // widget id -> api of the widget's element
    this.timers = new Map();      // fragment id -> interval handle
    this.clearedNodes = new Set(); // form widgets cleared on submit, until the run ends
    this.packageNotice = null;    // "Loading pandas…" while a run waits for an import
    this.jspi = typeof WebAssembly.Suspending === "function" || typeof WebAssembly.promising === "function";

    this.mainBody = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    this.main = h("section", { testid: "stMain", class: "wl-main" },
      h("div", { testid: "stMainBlockContainer", class: "wl-main-block" }, this.mainBody));
    this.sidebarBody = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    this.sidebar = h("section", { testid: "stSidebar", class: "wl-sidebar", "aria-expanded": "true" },
      h("div", { testid: "stSidebarContent" },
        h("div", { testid: "stSidebarUserContent" }, this.sidebarBody)));
    this.toasts = h("div", { class: "wl-toasts", "aria-live": "polite" });
    this.eventBody = h("div", { class: "wl-event-area" });
    this.app = h("div", { testid: "stApp", class: "wl-app", "data-test-script-state": RUNNING },
      h("div", { class: "wl-app-view" }, this.main), this.toasts, this.eventBody);
    this.nodes.set("main", { el: this.main, body: this.mainBody, kind: "root" });
    this.nodes.set("sidebar", { el: this.sidebar, body: this.sidebarBody, kind: "root" });
    this.nodes.set("event", { el: this.eventBody, body: this.eventBody, kind: "root" });
    // The bottom area (st.chat_input in main), shown only while it holds something.
    this.bottomBody = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    this.bottom = h("div", { testid: "stBottom", class: "wl-bottom" }, h("div", { class: "wl-bottom-inner" },
      h("div", { testid: "stBottomBlockContainer", class: "wl-bottom-block" }, this.bottomBody)));
    this.nodes.set("bottom", { el: this.bottom, body: this.bottomBody, kind: "root" });
    root.replaceChildren(this.app);
    applyTheme(this.app, theme);  // .streamlit/config.toml [theme]
    this.setSidebarExpanded = setupSidebar(this);
    this.nav = setupNavigation(this);  // multipage apps: sidebar/top navigation, page URL
  }

  // --- the run pump: Python pulls events with takeEvents() and pushes changes with apply()
  attach(pump) {
    this.pump = pump;
    if (!this.jspi) {
      console.warn("wasmlit: this browser has no JSPI (WebAssembly stack switching): " +
        "time.sleep() in an app blocks the page and nothing repaints until the run ends.");
    }
    // The first run gets the URL's query string and st.context's values (so does a rerun
    // after Back/Forward).
    // "page": the page the URL path asks for (a multipage app runs it).
    if (!this.ownsURL) {
      this.post({ kind: "rerun", ...pageInfo(), query: "", page: "" });
      return;
    }
    this.post({ kind: "rerun", ...pageInfo(), page: pageSegment() });
    this.stopWatchingHistory = watchHistory((info) => this.post({ kind: "rerun", ...info, page: pageSegment() }));
  }

  post(event) {
    this.events.push(event);
    this.kick();
  }

  takeEvents() {
    if (!this.events.length) return "";
    const taken = JSON.stringify(this.events);
    this.events = [];
    return taken;
  }

  async kick() {
    if (this.busy || !this.pump || !this.events.length) return;
    this.busy = true;
    this.app.setAttribute("data-test-script-state", RUNNING);
    this.onScriptState?.(RUNNING);
    try {
      while (this.events.length) {
        if (this.jspi && this.pump.callPromising) await this.pump.callPromising();
        else this.pump();
      }
    } catch (err) {
      console.error("wasmlit: the run loop failed", err);
      // Pyodide itself failed (e.g. C code recursing through deeply nested data overflowed
      // the stack): nothing can run any more, so say so and stop posting to it.
      const gone = Boolean(err && err.pyodide_fatal_error);
      if (gone) { this.pump = null; for (const t of this.timers.values()) clearInterval(t); this.timers.clear(); }
      const message = `wasmlit stopped: ${err && err.message ? err.message : err}` +
        (gone ? ". The app's Python runtime failed; reload the page to start the app again." : "");
      this.showFatal(message);
      this.onScriptError?.({ type: gone ? "PyodideFatalError" : "RunLoopError", message });
    } finally {
      this.busy = false;
      this.markFormsWithoutSubmit();
      for (const node of this.clearedNodes) node.submitted = undefined;
      this.clearedNodes.clear();
      // The run ends once its Markdown is drawn (markdown.js may still be on its way).
      if (this.markdownWaiting.size) await this.markdownLoading;
      if (!this.busy) {
        this.app.setAttribute("data-test-script-state", IDLE);
        this.onScriptState?.(IDLE);
      }
    }
  }

  // --- changes from Python
  apply(json) {
    for (const change of JSON.parse(json)) {
      switch (change.op) {
        case "set": this.set(change); break;
        case "update": this.update(change); break;
        case "trim": this.trim(change); break;
        case "timers": this.setTimers(change.timers); break;
        case "toast": this.toast(change); break;
        case "query": if (this.ownsURL) showQuery(change.query); break;
        case "page_config": applyPageConfig(this, change.config); break;
        case "navigation": this.nav.apply(change); break;
        case "script_error": this.onScriptError?.(change); break;
        default: console.warn("wasmlit: unknown change", change);
      }
    }
  }

  set({ parent, index, id, kind, props, block }) {
    const parentNode = this.nodes.get(parent);
    if (!parentNode) return;
    const node = block ? this.buildBlock(id, kind, props) : this.buildLeaf(id, kind, props);
    const body = parentNode.body;
    const old = body.children[index];
    if (old) {
      this.forget(old);
      body.replaceChild(node.el, old);
    } else {
      body.append(node.el);
    }
    if (parentNode.api && parentNode.api.childAdded) parentNode.api.childAdded();
    this.showIfFilled(parentNode);
    if (parent === "sidebar") this.showSidebar(true);
    if (parent === "bottom") this.showBottom(true);
  }

  // A block Streamlit does not draw while empty (allow_empty false: a form, a plain
  // container) stands in its parent as a bare placeholder until it gets a child.
  showIfFilled(node) {
    if (!node.placeholder) return;
    const filled = node.body.children.length > 0;
    const showing = filled ? node.blockEl : node.placeholder;
    if (node.el !== showing) {
      node.el.replaceWith(showing);
      node.el = showing;
    }
  }

  buildBlock(id, kind, props) {
    const make = BLOCKS[kind] || BLOCKS.vertical;
    const api = make(props, this);
    api.el.dataset.wlId = id;
    const node = { el: api.el, blockEl: api.el, body: api.body, kind, props, api };
    if (props.allow_empty === false) {
      node.placeholder = h("div", { class: "wl-empty-block", hidden: true });
      node.placeholder.dataset.wlId = id;
      node.el = node.placeholder;
    }
    this.nodes.set(id, node);
    return node;
  }

  buildLeaf(id, kind, props) {
    const api = this.drawing(id, () => buildElement(kind, props, this));
    const el = h("div", { testid: "stElementContainer", class: `wl-element wl-el-${kind}` }, api.el);
    el.dataset.wlId = id;
    const node = { el, kind, props, api };
    this.nodes.set(id, node);
    if (props.id) this.widgets.set(props.id, api);
    return node;
  }

  update({ id, props }) {
    const node = this.nodes.get(id);
    if (!node) return;
    let before = node.props;
    if (node.submitted !== undefined && JSON.stringify(props.value) === node.submitted) {
      // A cleared form widget: the script now holds what was submitted; keep the default shown.
      before = { ...before, value: props.value };
    }
    node.props = props;
    if (node.body) { if (node.api && node.api.update) node.api.update(props, before); return; }
    this.drawing(id, () => {
      if (node.api && node.api.update) node.api.update(props, before);
      else updateElement(node, props, this);
    });
  }

  // Run draw() as the drawing of leaf `id` (see needMarkdown).
  drawing(id, draw) {
    const outer = this.drawingLeaf;
    this.drawingLeaf = id;
    try { return draw(); } finally { this.drawingLeaf = outer; }
  }

  trim({ parent, length }) {
    const parentNode = this.nodes.get(parent);
    if (!parentNode) return;
    const body = parentNode.body;
    while (body.children.length > length) {
      const last = body.lastElementChild;
      this.forget(last);
      last.remove();
    }
    this.showIfFilled(parentNode);
    if (parent === "sidebar" && length === 0) this.showSidebar(false);
    if (parent === "bottom" && length === 0) this.showBottom(false);
  }

  // Drop map entries (and widget handles) of a subtree leaving the page.
  forget(el) {
    const gone = [el, ...el.querySelectorAll("[data-wl-id]")];
    for (const e of gone) {
      const node = this.nodes.get(e.dataset.wlId);
      if (!node) continue;
      if (node.placeholder && e === node.placeholder) {
        gone.push(...node.blockEl.querySelectorAll("[data-wl-id]"));
      }
      if (node.props && node.props.id && this.widgets.get(node.props.id) === node.api) {
        this.widgets.delete(node.props.id);
      }
      if (node.api && node.api.dispose) node.api.dispose();
      this.nodes.delete(e.dataset.wlId);
    }
  }

  showSidebar(on) {
    if (!on && this.nav && this.nav.inSidebar()) on = true;  // the page navigation stays
    const view = this.app.querySelector(".wl-app-view");
    if (on && !this.sidebar.isConnected) view.prepend(this.sidebar);
    if (!on && this.sidebar.isConnected) this.sidebar.remove();
  }

  // With a bottom area, Streamlit's main section is its scroll-to-bottom container.
  showBottom(on) {
    if (on && !this.bottom.isConnected) this.main.append(this.bottom);
    if (!on && this.bottom.isConnected) this.bottom.remove();
    this.main.dataset.testid = on ? "stAppScrollToBottomContainer" : "stMain";
    this.main.classList.toggle("wl-has-bottom", on);
  }

  // --- run_every timers: every full run sends the whole set
  setTimers(timers) {
    for (const [fid, handle] of this.timers) {
      if (!(fid in timers)) { clearInterval(handle); this.timers.delete(fid); }
    }
    for (const [fid, seconds] of Object.entries(timers)) {
      if (this.timers.has(fid)) { clearInterval(this.timers.get(fid)); }
      this.timers.set(fid, setInterval(() => this.post({ kind: "tick", fragment: fid }),
        Math.max(1, seconds * 1000)));
    }
  }

  toast({ body, icon, seconds }) {
    const text = h("div", { testid: "stToastText" });
    this.renderMarkdown(text, body, false);
    // The × is drawn by CSS (Streamlit's is an SVG), so it adds no text to the toast.
    const close = h("button", { type: "button", class: "wl-toast-close", "aria-label": "Close" });
    const el = h("div", { testid: "stToast", role: "status", class: "wl-toast" });
    const material = icon && /^:material\/(.+):$/.exec(icon);
    if (material) el.append(h("span", { testid: "stToastDynamicIcon", class: "wl-material-icon", translate: "no" }, material[1]));
    else if (icon) el.append(h("span", { testid: "stToastDynamicIcon", class: "wl-icon", "aria-hidden": "true" }, icon));
    el.append(text, close);
    close.addEventListener("click", () => el.remove());
    this.toasts.append(el);
    if (seconds) setTimeout(() => el.remove(), seconds * 1000);
  }

  // --- helpers for element builders
  renderMarkdown(el, body, allowHtml, inline = false) {
    this.markdownWaiting.delete(el);
    if (!this.markdown) {
      if (this.loadMarkdown && PLAIN_TEXT.test(body) && !NOT_PLAIN.test(body)) {
        // What markdown-it would make of it: the text, in a paragraph unless inline.
        el.replaceChildren(...(body === "" ? [] : inline ? [body] : [h("p", {}, body), "\n"]));
      } else {
        el.textContent = body;
        this.needMarkdown(el, () => this.renderMarkdown(el, body, allowHtml, inline));
      }
      return;
    }
    const md = allowHtml ? this.markdown.html : this.markdown.safe;
    const html = inline ? md.renderInline(body) : md.render(body);
    // With raw HTML allowed, scripts and event handlers still never run (as in Streamlit).
    el.innerHTML = allowHtml && this.markdown.sanitizeMarkdown ? this.markdown.sanitizeMarkdown(html) : html;
    for (const a of el.querySelectorAll("a[href]:not([href^='#'])")) {  // same-page anchors stay
      if (!safeUrl(a.getAttribute("href"))) a.removeAttribute("href");  // no javascript:/data: links
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    // Fenced code blocks get st.code's copy button.
    for (const block of el.querySelectorAll("[data-testid='stCode']")) {
      block.append(copyButton(() => (block.querySelector("code") || block).textContent));
    }
  }

  // For builders that draw `el` with markdown.js (Prism, DOMPurify...): true while it is not
  // loaded yet; once it is, the leaf element being drawn is built again from its props (its
  // builder may have changed what it drew), or else `redraw` runs (unless `el` is drawn
  // again before that).
  needMarkdown(el, redraw) {
    if (this.markdown || !this.loadMarkdown) return false;
    const leaf = this.drawingLeaf;
    if (leaf !== null) {
      this.markdownWaiting.set(`leaf:${leaf}`, () => {
        const node = this.nodes.get(leaf);
        if (node && !node.body) this.drawing(leaf, () => updateElement(node, node.props, this));
      });
    } else {
      this.markdownWaiting.set(el, redraw);
    }
    this.markdownLoading ??= this.loadMarkdown().then((markdown) => {
      this.markdown = markdown;
      const redraws = [...this.markdownWaiting.values()];
      this.markdownWaiting.clear();
      for (const draw of redraws) draw();
    }, (err) => {
      console.error("wasmlit: markdown.js could not be loaded", err);
      this.loadMarkdown = null;  // text stays plain text
      this.markdownWaiting.clear();
    });
    return true;
  }

  sendWidget(id, value) {
    this.post({ kind: "widgets", values: { [id]: value } });
  }

  // A form's submit button sends every widget of its form, itself first.
  submitForm(formId, submitId) {
    const values = { [submitId]: true };
    for (const [wid, api] of this.widgets) {
      if (api.formId === formId && api.read && wid !== submitId) values[wid] = api.read();
    }
    this.post({ kind: "widgets", values });
    const form = this.formNode(formId);
    if (form && form.props.clear_on_submit) this.clearForm(formId, values);
  }

  // Enter in a form's text field submits the form, as if its first submit button were pressed.
  submitFormByEnter(formId) {
    const form = this.formNode(formId);
    if (form && form.props.enter_to_submit === false) return;
    for (const [wid, api] of this.widgets) {
      if (api.formId === formId && api.submits) { this.submitForm(formId, wid); return; }
    }
  }

  formNode(formId) {
    for (const node of this.nodes.values()) {
      if (node.kind === "form" && node.props.form_id === formId) return node;
    }
    return null;
  }

  // clear_on_submit: the script gets what was submitted, the form shows its defaults again
  // (an update whose value "changed" to the default; the script's state keeps the values).
  clearForm(formId, values) {
    for (const node of this.nodes.values()) {
      const p = node.props;
      if (!p || p.form !== formId || p.submit || !p.id || !node.api || !node.api.update) continue;
      node.api.update({ ...p, value: p.default }, { ...p, value: CLEARED });
      node.submitted = JSON.stringify(values[p.id]);
      this.clearedNodes.add(node);
    }
  }

  // After each run: a form with no submit button says so, as Streamlit's does.
  markFormsWithoutSubmit() {
    for (const node of this.nodes.values()) {
      if (node.kind !== "form") continue;
      const hasSubmit = node.body.querySelector("[data-testid='stFormSubmitButton']");
      let notice = node.blockEl.querySelector(":scope > .wl-form-missing-submit");
      if (hasSubmit && notice) notice.remove();
      if (hasSubmit || notice) continue;
      const text = h("div", { testid: "stMarkdownContainer", class: "wl-md" });
      this.renderMarkdown(text, MISSING_SUBMIT, false);
      notice = h("div", { testid: "stAlert", class: "wl-alert wl-alert-error wl-form-missing-submit" },
        h("div", { testid: "stAlertContainer", role: "alert", class: "wl-alert-box" },
          h("div", { testid: "stAlertContentError", class: "wl-alert-content" }, text)));
      node.blockEl.append(notice);
    }
  }

  // A package of Pyodide's distribution loading while the run waits for its import
  // (wasmlit.package_hook): shown below what the run drew so far, until the import ends.
  showPackageLoading(message) {
    this.hidePackageLoading();
    this.packageNotice = h("div", { class: "wl-loading wl-package-loading", role: "status", "aria-busy": "true" },
      h("i", { class: "wl-spinner-icon" }), h("span", {}, message));
    this.mainBody.after(this.packageNotice);
  }

  hidePackageLoading() {
    this.packageNotice?.remove();
    this.packageNotice = null;
  }

  showFatal(message) {
    let box = this.app.querySelector(".wl-fatal");
    if (!box) {
      box = h("div", { class: "wl-fatal", role: "alert" });
      this.app.prepend(box);
    }
    box.textContent = message;
  }

  unmount() {
    if (this.stopWatchingHistory) this.stopWatchingHistory();
    for (const handle of this.timers.values()) clearInterval(handle);
    this.timers.clear();
    this.events = [];
    this.pump = null;
    this.nodes.clear();
    this.widgets.clear();
    this.app.remove();
  }
}

