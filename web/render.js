// AppView: one app's page. It mirrors the Python element tree in the DOM by applying
// the changes a run sends ("set", "update", "trim", plus timers and toasts), and it
// queues page events (clicks, edits, timer ticks) for the Python run pump.
//
// User text is always set with textContent; only Markdown goes through markdown-it,
// with raw HTML disabled unless the app passed unsafe_allow_html=True.
import { h } from "./dom.js";
import { buildElement, updateElement } from "./elements.js";

const IDLE = "notRunning";
const RUNNING = "running";

// Block kinds: how each container looks, and where its children go.
const BLOCKS = {
  vertical(props) {
    const el = h("div", { testid: "stVerticalBlock", class: "wl-vblock" + (props.border ? " wl-border" : "") });
    if (props.fragment) el.classList.add("wl-fragment");
    if (props.height) { el.style.height = `${props.height}px`; el.style.overflow = "auto"; }
    return { el, body: el };
  },
  empty() {
    const el = h("div", { class: "wl-empty" });
    return { el, body: el };
  },
  horizontal(props) {
    const el = h("div", { testid: "stHorizontalBlock", class: `wl-hblock wl-gap-${props.gap || "small"}` });
    return { el, body: el };
  },
  column(props) {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { testid: "stColumn", class: "wl-column" + (props.border ? " wl-border" : "") }, body);
    el.style.flex = `${props.weight} 1 0%`;
    return { el, body };
  },
  expander(props) {
    const label = h("span", { class: "wl-expander-label" });
    label.textContent = props.label;
    const summary = h("summary", {}, label);
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const details = h("details", { open: props.expanded }, summary,
      h("div", { testid: "stExpanderDetails" }, body));
    const el = h("div", { testid: "stExpander", class: "wl-expander" }, details);
    return { el, body, update(p) { label.textContent = p.label; } };
  },
  tabs(props) {
    const list = h("div", { role: "tablist", class: "wl-tablist" });
    const panels = h("div", { class: "wl-tabpanels" });
    const el = h("div", { testid: "stTabs", class: "wl-tabs" }, list, panels);
    let active = 0;
    const select = (i) => {
      active = i;
      list.querySelectorAll("[role=tab]").forEach((b, j) => {
        b.setAttribute("aria-selected", String(j === i));
        b.tabIndex = j === i ? 0 : -1;
      });
      [...panels.children].forEach((p, j) => { p.hidden = j !== i; });
    };
    const drawTabs = (labels) => {
      list.replaceChildren(...labels.map((text, i) => {
        const b = h("button", { role: "tab", testid: "stTab", type: "button", class: "wl-tab" }, h("p", {}));
        b.firstChild.textContent = text;
        b.addEventListener("click", () => select(i));
        b.addEventListener("keydown", (ev) => {
          const n = labels.length;
          if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") {
            const next = (i + (ev.key === "ArrowRight" ? 1 : n - 1)) % n;
            select(next);
            list.children[next].focus();
          }
        });
        return b;
      }));
      select(Math.min(active, labels.length - 1));
    };
    drawTabs(props.labels);
    return { el, body: panels, update(p) { drawTabs(p.labels); }, childAdded() { select(active); } };
  },
  tab() {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { role: "tabpanel", testid: "stTabPanel", class: "wl-tabpanel" }, body);
    return { el, body };
  },
  form(props) {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { testid: "stForm", class: "wl-form" + (props.border ? " wl-border" : "") }, body);
    el.dataset.formId = props.form_id;
    return { el, body };
  },
};

export class AppView {
  constructor(root, { markdown } = {}) {
    this.root = root;
    this.markdown = markdown;
    this.events = [];
    this.busy = false;
    this.pump = null;
    this.nodes = new Map();       // node id -> {el, body, kind, props, api}
    this.widgets = new Map();     // widget id -> api of the widget's element
    this.timers = new Map();      // fragment id -> interval handle
    this.jspi = typeof WebAssembly.Suspending === "function" || typeof WebAssembly.promising === "function";

    this.mainBody = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    this.main = h("section", { testid: "stMain", class: "wl-main" },
      h("div", { testid: "stMainBlockContainer", class: "wl-main-block" }, this.mainBody));
    this.sidebarBody = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    this.sidebar = h("section", { testid: "stSidebar", class: "wl-sidebar", "aria-expanded": "true" },
      h("div", { testid: "stSidebarContent" },
        h("div", { testid: "stSidebarUserContent" }, this.sidebarBody)));
    this.toasts = h("div", { class: "wl-toasts", "aria-live": "polite" });
    this.app = h("div", { testid: "stApp", class: "wl-app", "data-test-script-state": RUNNING },
      h("div", { class: "wl-app-view" }, this.main), this.toasts);
    this.nodes.set("main", { el: this.main, body: this.mainBody, kind: "root" });
    this.nodes.set("sidebar", { el: this.sidebar, body: this.sidebarBody, kind: "root" });
    root.replaceChildren(this.app);
  }

  // --- the run pump: Python pulls events with takeEvents() and pushes changes with apply()
  attach(pump) {
    this.pump = pump;
    if (!this.jspi) {
      console.warn("wasmlit: this browser has no JSPI (WebAssembly stack switching): " +
        "time.sleep() in an app blocks the page and nothing repaints until the run ends.");
    }
    this.post({ kind: "rerun" });
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
    try {
      while (this.events.length) {
        if (this.jspi && this.pump.callPromising) await this.pump.callPromising();
        else this.pump();
      }
    } catch (err) {
      console.error("wasmlit: the run loop failed", err);
      this.showFatal(`wasmlit stopped: ${err && err.message ? err.message : err}`);
    } finally {
      this.busy = false;
      this.app.setAttribute("data-test-script-state", IDLE);
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
    if (parent === "sidebar") this.showSidebar(true);
  }

  buildBlock(id, kind, props) {
    const make = BLOCKS[kind] || BLOCKS.vertical;
    const api = make(props, this);
    api.el.dataset.wlId = id;
    const node = { el: api.el, body: api.body, kind, props, api };
    this.nodes.set(id, node);
    return node;
  }

  buildLeaf(id, kind, props) {
    const api = buildElement(kind, props, this);
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
    const before = node.props;
    node.props = props;
    if (node.api && node.api.update) node.api.update(props, before);
    else if (!node.body) updateElement(node, props, this);
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
    if (parent === "sidebar" && length === 0) this.showSidebar(false);
  }

  // Drop map entries (and widget handles) of a subtree leaving the page.
  forget(el) {
    const gone = [el, ...el.querySelectorAll("[data-wl-id]")];
    for (const e of gone) {
      const node = this.nodes.get(e.dataset.wlId);
      if (!node) continue;
      if (node.props && node.props.id && this.widgets.get(node.props.id) === node.api) {
        this.widgets.delete(node.props.id);
      }
      if (node.api && node.api.dispose) node.api.dispose();
      this.nodes.delete(e.dataset.wlId);
    }
  }

  showSidebar(on) {
    const view = this.app.querySelector(".wl-app-view");
    if (on && !this.sidebar.isConnected) view.prepend(this.sidebar);
    if (!on && this.sidebar.isConnected) this.sidebar.remove();
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
    const close = h("button", { type: "button", class: "wl-toast-close", "aria-label": "Close" }, "×");
    const el = h("div", { testid: "stToast", role: "status", class: "wl-toast" });
    if (icon) el.append(h("span", { class: "wl-icon" }, icon));
    el.append(text, close);
    close.addEventListener("click", () => el.remove());
    this.toasts.append(el);
    if (seconds) setTimeout(() => el.remove(), seconds * 1000);
  }

  // --- helpers for element builders
  renderMarkdown(el, body, allowHtml, inline = false) {
    if (!this.markdown) { el.textContent = body; return; }
    const md = allowHtml ? this.markdown.html : this.markdown.safe;
    el.innerHTML = inline ? md.renderInline(body) : md.render(body);
    for (const a of el.querySelectorAll("a[href]")) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
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
  }

  // Enter in a form's text field submits the form, as if its first submit button were pressed.
  submitFormByEnter(formId) {
    for (const [wid, api] of this.widgets) {
      if (api.formId === formId && api.submits) { this.submitForm(formId, wid); return; }
    }
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
    for (const handle of this.timers.values()) clearInterval(handle);
    this.timers.clear();
    this.events = [];
    this.pump = null;
    this.nodes.clear();
    this.widgets.clear();
    this.app.remove();
  }
}

