// Page-level look: the theme from .streamlit/config.toml ([theme], applied as the --wl-*
// CSS variables of web/wasmlit.css), st.set_page_config (title, favicon, wide layout,
// initial sidebar state) and the sidebar's collapse/expand controls with Streamlit's
// test hooks (stSidebarCollapseButton, stExpandSidebarButton).
import { h, svgIcon } from "./dom.js";

// Streamlit's two base themes, as --wl-* variables.
const BASES = {
  light: { "--wl-text": "#31333f", "--wl-muted": "rgba(49, 51, 63, 0.6)", "--wl-primary": "#ff4b4b",
    "--wl-border": "rgba(49, 51, 63, 0.2)", "--wl-bg": "#ffffff", "--wl-bg-2": "#f0f2f6", "--wl-code-bg": "#f0f2f6" },
  dark: { "--wl-text": "#fafafa", "--wl-muted": "rgba(250, 250, 250, 0.6)", "--wl-primary": "#ff4b4b",
    "--wl-border": "rgba(250, 250, 250, 0.2)", "--wl-bg": "#0e1117", "--wl-bg-2": "#262730", "--wl-code-bg": "#262730" },
};
const FONTS = {
  "sans serif": '"Source Sans Pro", "Source Sans 3", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  "sans-serif": '"Source Sans Pro", "Source Sans 3", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  serif: '"Source Serif Pro", "Source Serif 4", Georgia, "Times New Roman", serif',
  monospace: '"Source Code Pro", ui-monospace, SFMono-Regular, Menlo, monospace',
};

// "#rrggbb" / "rgb(...)" -> "r, g, b" (for the translucent text shades), else null.
function rgbOf(color) {
  const probe = document.createElement("span");
  probe.style.color = color;
  if (!probe.style.color) return null;
  document.body.append(probe);
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
  probe.remove();
  return m ? `${m[1]}, ${m[2]}, ${m[3]}` : null;
}

// Guarantees: the app root gets the base theme's variables, then each color the
// [theme] table sets; a dark base also sets color-scheme: dark for native controls.
export function applyTheme(app, theme) {
  if (!theme || typeof theme !== "object") return;
  const base = theme.base === "dark" ? "dark" : "light";
  const vars = { ...BASES[base] };
  if (theme.primaryColor) vars["--wl-primary"] = theme.primaryColor;
  if (theme.backgroundColor) vars["--wl-bg"] = theme.backgroundColor;
  if (theme.secondaryBackgroundColor) {
    vars["--wl-bg-2"] = theme.secondaryBackgroundColor;
    vars["--wl-code-bg"] = theme.secondaryBackgroundColor;
  }
  if (theme.textColor) {
    vars["--wl-text"] = theme.textColor;
    const rgb = rgbOf(theme.textColor);
    if (rgb) {
      vars["--wl-muted"] = `rgba(${rgb}, 0.6)`;
      vars["--wl-border"] = `rgba(${rgb}, 0.2)`;
    }
  }
  if (theme.borderColor) vars["--wl-border"] = theme.borderColor;
  for (const [k, v] of Object.entries(vars)) app.style.setProperty(k, String(v));
  if (theme.font) app.style.fontFamily = FONTS[theme.font] || `${theme.font}, ${FONTS["sans serif"]}`;
  app.style.colorScheme = base;
  app.classList.toggle("wl-theme-dark", base === "dark");
  app.dataset.theme = base;
}

// Streamlit's favicon for an emoji: an SVG with the emoji as text (a data: URL).
export function emojiFavicon(emoji) {
  return "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>" +
    `<text y='.9em' font-size='90'>${encodeURIComponent(emoji)}</text></svg>`;
}

function setFavicon(favicon) {
  let href = null;
  if (favicon.startsWith("emoji:")) href = emojiFavicon(favicon.slice(6));
  else if (/^(data:|https?:|\/)/.test(favicon)) href = favicon;
  if (!href) return;  // a Material icon or a shortcode: no icon font offline, keep the old one
  let link = /** @type {HTMLLinkElement | null} */ (document.head.querySelector("link[rel~='icon']"));
  if (!link) {
    link = h("link", { rel: "icon" });
    document.head.append(link);
  }
  link.href = href;
}

// Material's keyboard_double_arrow_left/right as inline SVG (no icon font, no text).
function doubleArrow(side) {
  return svgIcon(side === "left"
    ? "M17.59 18 19 16.59 14.42 12 19 7.41 17.59 6l-6 6zM11 18l1.41-1.41L7.83 12l4.58-4.59L11 6l-6 6z"
    : "M6.41 6 5 7.41 9.58 12 5 16.59 6.41 18l6-6zM13 6l-1.41 1.41L16.17 12l-4.58 4.59L13 18l6-6z", { size: 20 });
}

// Sidebar controls. Guarantees: the sidebar gets stSidebarHeader > stSidebarCollapseButton
// (a button), and the app a stHeader whose stExpandSidebarButton shows while it is collapsed.
export function setupSidebar(view) {
  const collapse = h("button", { type: "button", testid: "stBaseButton-headerNoPadding",
    class: "wl-sidebar-toggle", "aria-label": "Collapse sidebar", title: "Collapse sidebar" }, doubleArrow("left"));
  const header = h("div", { testid: "stSidebarHeader", class: "wl-sidebar-header" },
    h("div", { testid: "stSidebarCollapseButton", class: "wl-sidebar-collapse" }, collapse));
  const content = view.sidebar.querySelector("[data-testid='stSidebarContent']");
  content.prepend(header);
  const expand = h("button", { type: "button", testid: "stExpandSidebarButton", class: "wl-sidebar-toggle",
    "aria-label": "Expand sidebar", title: "Expand sidebar" }, doubleArrow("right"));
  const bar = h("header", { testid: "stHeader", class: "wl-header" },
    h("div", { testid: "stToolbar", class: "wl-toolbar" }, expand));
  view.app.querySelector(".wl-app-view").append(bar);
  const set = (expanded) => {
    view.sidebar.setAttribute("aria-expanded", String(expanded));
    view.sidebar.classList.toggle("wl-collapsed", !expanded);
    expand.hidden = expanded || !view.sidebar.isConnected;
  };
  collapse.addEventListener("click", () => { set(false); expand.focus(); });
  expand.addEventListener("click", () => { set(true); collapse.focus(); });
  // The expand button is shown only while the sidebar is on the page and collapsed.
  new MutationObserver(() => set(view.sidebar.getAttribute("aria-expanded") !== "false"))
    .observe(view.app.querySelector(".wl-app-view"), { childList: true });
  set(!collapsedAt(view.initialSidebar || "auto"));
  return set;
}

// Streamlit's initial sidebar states: "auto" (the default) collapses it on narrow screens.
function collapsedAt(state) {
  return state === "collapsed" || (state === "auto" && window.innerWidth <= 768);
}

// st.set_page_config: each call changes only what it set. The sidebar state is applied
// when a call sets a different one than before (it is an initial state, not a lock).
export function applyPageConfig(view, config) {
  if (config.title !== undefined) document.title = config.title;
  if (config.favicon) setFavicon(config.favicon);
  if (config.layout) view.app.classList.toggle("wl-layout-wide", config.layout === "wide");
  const state = config.initial_sidebar_state;
  if (state && state !== (view.initialSidebar || "auto")) {
    view.initialSidebar = state;
    if (view.setSidebarExpanded) view.setSidebarExpanded(!collapsedAt(state));
  }
}
