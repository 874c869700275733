// AppView: one app's page. It applies the changes a run sends (the ops of protocol.d.ts's
// Change) and queues page events for the Python run pump. The concepts live in their own
// modules: the pump and event queue (run-pump.js), tree patching (tree-patch.js), block
// and element builders (block-kinds.js, elements.js; dialogs in dialog.js), Markdown
// (markdown-loader.js), toasts (toasts.js) and run_every timers (fragment-timers.js).
// What stays here: the page's areas, forms, and the notices a run shows.
import { h } from "./dom.js";
import { pageInfo, showQuery, watchHistory } from "./page-info.js";
import { applyLogo, applyPageConfig, applyTheme, setupSidebar } from "./page-layout.js";
import { pageSegment, setupNavigation } from "./display/navigation.js";
import { RunPump } from "./run-pump.js";
import { MarkdownLoader } from "./markdown-loader.js";
import { FragmentTimers } from "./fragment-timers.js";
import { redrawLeaf, redrawNotLoaded, setNode, trimNode, updateNode } from "./tree-patch.js";
import { createStatusWidget, placeStatusWidget } from "./status-widget.js";
import { builderReady, loadBuilders, onLateBuilders } from "./elements.js";
import { InOrder } from "./in-order.js";

const IDLE = "notRunning";
const RUNNING = "running";

// Streamlit's notice in a form that has no submit button.
const MISSING_SUBMIT = "**Missing Submit Button**\n\nThis form has no submit button, which means " +
  "that user interactions will never be sent to your Streamlit app.\n\nTo create a submit button, " +
  "use the `st.form_submit_button()` function.\n\nFor more information, refer to the " +
  "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).";

export class AppView {
  /**
   * @param {HTMLElement} root
   * @param {{markdown?: any, theme?: object, ownsURL?: boolean, onStop?: () => void}} [options]
   *   `markdown`: markdown.js's renderers, or a function loading them on first need;
   *   `onStop`: the Stop button was clicked during a run
   */
  constructor(root, { markdown, theme, ownsURL = true, onStop = () => {} } = {}) {
    this.root = root;
    this.onStop = onStop;
    // Whether the page URL is this app's (a built site's app): its query string and page
    // path are st.query_params and the page. An app embedded among others keeps them to
    // itself, so it never rewrites the host page's URL.
    this.ownsURL = ownsURL;
    // `markdown`: markdown.js's renderers, or a function loading them on first need.
    this.markdownLoader = new MarkdownLoader(markdown, (id) => redrawLeaf(this, id));
    this.runs = new RunPump({
      started: () => this.setScriptState(RUNNING),
      failed: (err, gone) => this.runFailed(err, gone),
      finished: async () => {
        this.markFormsWithoutSubmit();
        // The run ends once its Markdown is drawn (markdown.js may still be on its way).
        await this.markdownLoader.settled();
      },
      idle: () => this.setScriptState(IDLE),
    });
    // What the worker sends takes effect in order, after the builders it needs (in-order.js).
    this.order = new InOrder();
    // Elements drawn as "could not load" while their code was missing are drawn again once
    // it comes (a chunk that came late): Python sends nothing more for an unchanged one.
    this.stopLateBuilders = onLateBuilders(() => this.order.run(() => redrawNotLoaded(this)));
    /** @type {Map<string, import("./protocol").TreeNode>} node id -> {el, body, kind, props, api} */
    this.nodes = new Map();
    /** @type {Map<string, import("./protocol").ElementApi>} widget id -> api of the widget's element */
    this.widgets = new Map();
    this.timers = new FragmentTimers((event) => this.post(event));
    /** @type {((state: string) => void) | undefined} told when a run starts and ends */
    this.onScriptState = undefined;
    /** @type {((error: {type: string, message: string}) => void) | undefined} */
    this.onScriptError = undefined;
    this.packageNotice = null;    // "Loading pandas…" while a run waits for an import

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
    // The running indicator with its Stop button (at the page's top right; an embedded
    // app's, at its box's).
    this.status = createStatusWidget({ onStop: () => this.stopRun() });
    placeStatusWidget(this.app, this.status.el, { embedded: !ownsURL });
    /** @type {(() => void) | null} */
    this.stopWatchingHistory = null;
  }

  /** Stop clicked: the run ends at its next st call (python-client.js ends a loop that
   * makes none), as Streamlit's Stop does. */
  stopRun() {
    this.app.setAttribute("data-test-script-state", "stopRequested");
    this.onStop();
  }

  // --- the run pump: events go to the Python worker; changes come back through apply()
  /**
   * @param {import("./run-pump.js").EventPort} port
   * @param {Record<string, unknown>} [values]  widget values the page shows, for a Python
   *   that restarted (its first run takes them as the user's)
   */
  attach(port, values) {
    // The first run gets the URL's query string and st.context's values (so does a rerun
    // after Back/Forward).
    // "page": the page the URL path asks for (a multipage app runs it).
    const restore = values ? { values } : {};
    this.app.setAttribute("data-test-connection-state", "CONNECTED");  // as 1.50's, once Python takes events
    if (!this.ownsURL) {
      this.runs.attach(port, { kind: "rerun", ...pageInfo(), query: "", page: "", ...restore });
      return;
    }
    this.runs.attach(port, { kind: "rerun", ...pageInfo(), page: pageSegment(), ...restore });
    this.stopWatchingHistory ??= watchHistory((info) => this.post({ kind: "rerun", ...info, page: pageSegment() }));
  }

  /** @param {import("./protocol").PageEvent} event */
  post(event) {
    this.runs.post(event);
  }

  /** The worker ended a run having taken the events up to `consumed` (once what it drew is
   * in the page). @param {number} consumed */
  ran(consumed) {
    this.order.run(() => this.runs.ran(consumed));
  }

  /** The worker's run loop threw (`gone`: Pyodide died). @param {string} message @param {boolean} gone */
  loopFailed(message, gone) {
    this.order.run(() => this.runs.failed(message, gone));
  }

  /** Python restarted (Stop ended a loop that would not end): what the widgets show, for
   * the new session; the app's tree starts afresh. */
  widgetValues() {
    /** @type {Record<string, unknown>} */
    const values = {};
    for (const [id, api] of this.widgets) if (api.read) values[id] = api.read();
    return values;
  }

  /** Python is restarting: forget what the old session drew (its next run draws anew). */
  restarting(message) {
    this.order.drop();  // what the old session sent and is not drawn yet no longer counts
    this.runs.detach();
    this.app.setAttribute("data-test-connection-state", "CONNECTING");  // until attach, after the restart
    this.timers.clear();
    for (const root of ["main", "sidebar", "bottom", "event"]) trimNode(this, { op: "trim", parent: root, length: 0 });
    this.showRestartNotice(message);
  }

  /** What a restart lost, said above the app until dismissed. @param {string} message */
  showRestartNotice(message) {
    this.app.querySelector(".wl-restart-notice")?.remove();
    const close = h("button", { type: "button", class: "wl-restart-notice-close", "aria-label": "Dismiss" }, "×");
    const notice = h("div", { class: "wl-restart-notice", role: "alert", testid: "stRestartNotice" },
      h("span", {}, message), close);
    close.addEventListener("click", () => notice.remove());
    this.app.prepend(notice);
  }

  /** @param {string} state */
  setScriptState(state) {
    this.app.setAttribute("data-test-script-state", state);
    this.status.setRunning(state === RUNNING);
    this.onScriptState?.(state);
  }

  runFailed(err, gone) {
    // Pyodide itself failed: nothing can run any more, so say so and stop posting to it.
    if (gone) this.timers.clear();
    const message = `wasmlit stopped: ${err && err.message ? err.message : err}` +
      (gone ? ". The app's Python runtime failed; reload the page to start the app again." : "");
    this.showFatal(message);
    this.onScriptError?.({ type: gone ? "PyodideFatalError" : "RunLoopError", message });
  }

  // --- changes from Python
  /** @param {string} json  a list of protocol.d.ts Change objects */
  apply(json) {
    this.applyChanges(JSON.parse(json));
  }

  /** Apply a change list: at once, unless it draws a kind whose builders are still to be
   * loaded (elements.js) or an earlier list waits for some; then after those, in order.
   * @param {import("./protocol").Change[]} changes */
  applyChanges(changes) {
    const missing = [];
    for (const change of changes) {
      if (change.op === "set" && !change.block && !builderReady(change.kind)) missing.push(change.kind);
    }
    this.order.run(() => this.applyNow(changes), missing.length ? loadBuilders(missing) : null);
  }

  /** @param {import("./protocol").Change[]} changes */
  applyNow(changes) {
    for (const change of changes) {
      switch (change.op) {
        case "set": setNode(this, change); break;
        case "update": updateNode(this, change); break;
        case "trim": trimNode(this, change); break;
        case "timers": this.timers.set(change.timers); break;
        case "query": if (this.ownsURL) showQuery(change.query); break;
        case "page_config": applyPageConfig(this, change.config); break;
        case "logo": applyLogo(this, change.logo); break;
        case "navigation": this.nav.apply(change); break;
        case "script_error": this.onScriptError?.(change); break;
        default: console.error("wasmlit: unknown change", change);
      }
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

  // --- helpers for element builders
  get markdown() {
    return this.markdownLoader.markdown;
  }

  /**
   * @param {Element} el
   * @param {string} body
   * @param {boolean} allowHtml
   * @param {boolean} [inline]
   */
  renderMarkdown(el, body, allowHtml, inline = false) {
    this.markdownLoader.render(el, body, allowHtml, inline);
  }

  /** See MarkdownLoader.need. @param {Element} el @param {() => void} redraw */
  needMarkdown(el, redraw) {
    return this.markdownLoader.need(el, redraw);
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
    this.order.drop();
    this.stopLateBuilders();
    if (this.stopWatchingHistory) this.stopWatchingHistory();
    this.timers.clear();
    this.runs.stop();
    this.nodes.clear();
    this.widgets.clear();
    this.app.remove();
  }
}

