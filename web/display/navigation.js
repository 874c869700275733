// Multipage apps (Streamlit 1.50's st.navigation, pages/ folders, st.page_link):
//   pageSegment()          the page the URL asks for: its last path segment ("" = default page)
//   setupNavigation(view)  draws the navigation a run sends ({"op": "navigation", ...}) in the
//                          sidebar (stSidebarNav) or the header (stTopNavLink), keeps the URL
//                          path on the current page's url_path (history.pushState, no reload)
//                          and shows 1.50's "Page not found" dialog
//   page_link.js           st.page_link (stPageLink > stPageLink-NavLink), loaded on first need
// Clicking a page link posts {kind: "rerun", page_hash, query: ""}: the app reruns on that
// page without a reload. Only plain left clicks are taken over (Ctrl/middle click opens a tab).
import { h, svgIcon } from "../dom.js";
import { iconElement } from "../widgets/basic.js";
import { pageInfo } from "../page-info.js";
import { applyPageConfig } from "../page-layout.js";

const COLLAPSE_THRESHOLD = 12;      // 1.50: more pages than this collapse behind "View more"
const PAGES_SHOWN_COLLAPSED = 10;
const NOT_FOUND = "The page that you have requested does not seem to exist. Running the app's main page.";

// The URL path can carry the page only on http(s): a file:// page cannot be reloaded elsewhere.
function urlHoldsPage() {
  return location.protocol === "http:" || location.protocol === "https:";
}

// The folder the site is served from ("/site/" for /site/ and /site/plotting).
function basePath() {
  const path = location.pathname;
  return path.slice(0, path.lastIndexOf("/") + 1);
}

// The document the app was opened at when its name is a file ("index.html", or the page
// an app is mounted in): the default page keeps it in the URL, so a reload finds it.
const ENTRY_DOCUMENT = (() => {
  const last = location.pathname.slice(location.pathname.lastIndexOf("/") + 1);
  return last.includes(".") ? last : "";
})();

export function pageSegment() {
  if (!urlHoldsPage()) return "";
  let last = location.pathname.slice(location.pathname.lastIndexOf("/") + 1);
  try { last = decodeURIComponent(last); } catch { /* keep it raw */ }
  return last.includes(".") ? "" : last;  // "index.html" is the site itself, not a page
}

export function pageHref(urlPath) {
  const name = urlPath ? encodeURIComponent(urlPath) : ENTRY_DOCUMENT;
  return new URL(basePath() + name, location.href).toString();
}

// A page change the app should run: plain left clicks only.
export function takesClick(ev) {
  return ev.button === 0 && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey && !ev.altKey;
}

// A new page starts without query params, except embed / embed_options (as in 1.50).
function embedQuery() {
  const kept = [...new URLSearchParams(location.search)]
    .filter(([key]) => ["embed", "embed_options"].includes(key.toLowerCase()));
  return new URLSearchParams(kept).toString();
}

// An app that does not own the page URL (embedded among others) keeps it untouched.
const ownsUrl = (view) => view.ownsURL !== false;

export function goTo(view, pageHash) {
  view.post({ kind: "rerun", ...pageInfo(), query: ownsUrl(view) ? embedQuery() : "", page_hash: pageHash });
}

function navLink(view, page, current, testid) {
  const a = h("a", { testid, href: pageHref(page.url_path), class: "wl-nav-link" });
  const icon = iconElement(page.icon ? page.icon.replace(/^emoji:/, "") : "");
  if (icon) a.append(h("span", { class: "wl-nav-icon" }, icon));
  a.append(h("span", { class: "wl-nav-label", label: page.title }, page.title));
  if (page.hash === current) {
    a.setAttribute("aria-current", "page");
    a.classList.add("wl-nav-active");
  }
  a.addEventListener("click", (ev) => {
    if (!takesClick(ev)) return;
    ev.preventDefault();
    goTo(view, page.hash);
  });
  return a;
}

function sidebarItem(view, page, current) {
  return h("li", { class: "wl-nav-item" },
    h("div", { testid: "stSidebarNavLinkContainer" }, navLink(view, page, current, "stSidebarNavLink")));
}

// 1.50's "Page not found" modal (role=dialog in stDialog), closed by its button or Escape.
function showNotFound() {
  const close = h("button", { type: "button", class: "wl-dialog-close", "aria-label": "Close" }, "×");
  const text = h("div", { testid: "stMarkdownContainer", class: "wl-md" }, h("p", {}, NOT_FOUND));
  const box = h("div", { role: "dialog", "aria-modal": "true", "aria-label": "dialog", tabindex: "-1",
    class: "wl-dialog-box" }, h("div", { class: "wl-dialog-head" },
    h("div", { class: "wl-dialog-title" }, "Page not found"), close), h("div", { class: "wl-dialog-body" }, text));
  const modal = h("div", { testid: "stDialog", class: "wl-dialog wl-page-not-found" }, box);
  const onKey = (ev) => { if (ev.key === "Escape") hide(); };
  const hide = () => { modal.remove(); document.removeEventListener("keydown", onKey, true); };
  close.addEventListener("click", hide);
  modal.addEventListener("mousedown", (ev) => { if (ev.target === modal) hide(); });
  document.addEventListener("keydown", onKey, true);
  document.body.append(modal);
  box.focus();
}

// Guarantees: after apply(change) the sidebar (or header) shows one link per page with the
// current one aria-current="page", the document title is the page's title, and the URL path
// ends in the page's url_path (the default page: the site's folder) with the run's query.
export function setupNavigation(view) {
  const sidebarContent = view.sidebar.querySelector("[data-testid='stSidebarContent']");
  const userContent = sidebarContent.querySelector("[data-testid='stSidebarUserContent']");
  const topBar = h("div", { class: "wl-top-nav" });
  let nav = null;            // the element in the sidebar
  let last = null;           // the last navigation change
  let showAll = false;       // "View more" pressed
  const collapsedSections = new Set();
  let urlSet = false;
  const iconLink = /** @type {HTMLLinkElement | null} */ (document.head.querySelector("link[rel~='icon']"));
  const defaultIcon = iconLink ? { link: iconLink, href: iconLink.href } : null;  // the site's own

  const hasUserContent = () => view.sidebarBody.children.length > 0;

  const drawSidebar = (change) => {
    const { pages, current, expanded } = change;
    const items = h("ul", { testid: "stSidebarNavItems", class: "wl-nav-items" });
    const loose = pages.filter((p) => !p.section);
    const sections = change.sections.filter((s) => s);
    const collapsible = hasUserContent() && pages.length > COLLAPSE_THRESHOLD && !expanded;
    const collapsed = collapsible && !showAll;
    let shown = 0;
    for (const page of loose) {
      if (collapsed && shown >= PAGES_SHOWN_COLLAPSED) break;
      items.append(sidebarItem(view, page, current));
      shown += 1;
    }
    for (const section of sections) {
      if (collapsed && shown >= PAGES_SHOWN_COLLAPSED) break;
      const open = !collapsedSections.has(section);
      const header = h("header", { testid: "stNavSectionHeader", class: "wl-nav-section-header",
        role: "button", tabindex: "0", "aria-expanded": String(open) },
      h("span", {}, section),
      h("span", { testid: "stIconMaterial", class: "wl-material-icon wl-nav-chevron", translate: "no",
        "aria-hidden": "true" }, open ? "expand_more" : "chevron_right"));
      const toggle = () => {
        if (open) collapsedSections.add(section); else collapsedSections.delete(section);
        draw(last);
      };
      header.addEventListener("click", toggle);
      header.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggle(); } });
      const group = h("div", { class: "wl-nav-section" }, header);
      if (open) {
        for (const page of pages.filter((p) => p.section === section)) {
          if (collapsed && shown >= PAGES_SHOWN_COLLAPSED) break;
          group.append(sidebarItem(view, page, current));
          shown += 1;
        }
      }
      items.append(group);
    }
    const fresh = h("div", { testid: "stSidebarNav", class: "wl-sidebar-nav" }, items);
    if (collapsible) {
      const more = h("button", { type: "button", testid: "stSidebarNavViewButton", class: "wl-nav-view-button" },
        showAll ? "View less" : `View ${pages.length - PAGES_SHOWN_COLLAPSED} more`);
      more.addEventListener("click", () => { showAll = !showAll; draw(last); });
      fresh.append(more);
    }
    if (hasUserContent()) fresh.append(h("div", { testid: "stSidebarNavSeparator", class: "wl-nav-separator" }));
    if (nav) nav.replaceWith(fresh); else userContent.before(fresh);
    nav = fresh;
  };

  // 1.50's top bar: pages without a section as links, each section as a button
  // (stTopNavSection) opening its links (stTopNavDropdownLink) in a popover.
  const drawTop = (change) => {
    const items = change.pages.filter((p) => !p.section).map((page) =>
      h("div", { testid: "stTopNavLinkContainer", class: "wl-top-nav-item" },
        navLink(view, page, change.current, "stTopNavLink")));
    for (const section of change.sections.filter((s) => s)) items.push(topSection(section, change));
    topBar.replaceChildren(...items);
    const toolbar = view.app.querySelector("[data-testid='stToolbar']");
    if (toolbar && !topBar.isConnected) toolbar.append(topBar);
  };

  const topSection = (section, change) => {
    const popover = h("div", { testid: "stTopNavPopover", class: "wl-top-nav-popover", hidden: true },
      ...change.pages.filter((p) => p.section === section).map((page) =>
        h("div", { testid: "stTopNavLinkContainer" }, navLink(view, page, change.current, "stTopNavDropdownLink"))));
    const trigger = h("div", { testid: "stTopNavSection", class: "wl-top-nav-section", tabindex: "0",
      role: "button" }, h("span", {}, section),
    svgIcon("M7.41 8.59 12 13.17l4.59-4.58L18 10l-6 6-6-6z", { size: 20 }));
    const wrap = h("div", { class: "wl-top-nav-item wl-top-nav-dropdown", "aria-haspopup": "true",
      "aria-expanded": "false" }, trigger, popover);
    const onOutside = (ev) => { if (!wrap.contains(ev.target)) setOpen(false); };
    const setOpen = (open) => {
      popover.hidden = !open;
      wrap.setAttribute("aria-expanded", String(open));
      if (open) document.addEventListener("mousedown", onOutside, true);
      else document.removeEventListener("mousedown", onOutside, true);
    };
    trigger.addEventListener("click", () => setOpen(popover.hidden));
    trigger.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); setOpen(popover.hidden); }
      else if (ev.key === "Escape") setOpen(false);
    });
    popover.addEventListener("click", (ev) => { if (ev.target.closest("a")) setOpen(false); });
    return wrap;
  };

  const clear = () => {
    if (nav) { nav.remove(); nav = null; }
    topBar.remove();
  };

  // A single page draws no navigation, as in 1.50.
  const draw = (change) => {
    clear();
    if (!change || change.pages.length < 2 || change.position === "hidden") return;
    if (change.position === "top") drawTop(change);
    else drawSidebar(change);
  };

  const syncUrl = (change) => {
    if (!urlHoldsPage() || !ownsUrl(view)) return;
    const page = change.pages.find((p) => p.hash === change.current);
    if (!page) return;
    const path = basePath() + (page.url_path ? encodeURIComponent(page.url_path) : ENTRY_DOCUMENT);
    const wanted = path + (change.query ? `?${change.query}` : "");
    if (wanted === location.pathname + location.search) return;
    // The first run only corrects the URL it was opened at; later changes are new entries.
    if (urlSet && !change.not_found) window.history.pushState({}, "", wanted);
    else window.history.replaceState({}, "", wanted);
  };

  // The separator and "View more" depend on what the sidebar holds: redraw when that changes.
  new MutationObserver(() => {
    if (last && last.position === "sidebar" && nav &&
        Boolean(nav.querySelector("[data-testid='stSidebarNavSeparator']")) !== hasUserContent()) draw(last);
  }).observe(view.sidebarBody, { childList: true });

  return {
    // Whether the sidebar must show even with nothing written to it.
    inSidebar: () => Boolean(nav),
    apply(change) {
      // An unchanged navigation (every run sends it) keeps its links, and their focus.
      const same = last && (nav || topBar.isConnected) && JSON.stringify(last) === JSON.stringify(change);
      last = change;
      if (!same) draw(change);
      view.showSidebar(hasUserContent());
      if (change.title) document.title = change.title;  // none: set_page_config's title stays
      if (change.favicon) applyPageConfig(view, { favicon: change.favicon });
      else if (change.favicon === "" && defaultIcon) defaultIcon.link.href = defaultIcon.href;
      syncUrl(change);
      urlSet = true;
      if (change.not_found) showNotFound();
    },
  };
}
