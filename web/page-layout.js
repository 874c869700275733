// Page-level look: the theme from .streamlit/config.toml ([theme], applied as the --wl-*
// CSS variables of web/wasmlit.css), st.set_page_config (title, favicon, wide layout,
// initial sidebar state) and the sidebar's collapse/expand controls with Streamlit's
// test hooks (stSidebarCollapseButton, stExpandSidebarButton).
import { h, safeUrl, svgIcon } from "./dom.js";
import { materialFavicon, materialName } from "./icons.js";

// Streamlit's two base themes, as --wl-* variables.
const BASES = {
  light: { "--wl-text": "#31333f", "--wl-muted": "rgba(49, 51, 63, 0.6)", "--wl-primary": "#ff4b4b",
    "--wl-border": "rgba(49, 51, 63, 0.2)", "--wl-bg": "#ffffff", "--wl-bg-2": "#f0f2f6", "--wl-code-bg": "#f0f2f6" },
  dark: { "--wl-text": "#fafafa", "--wl-muted": "rgba(250, 250, 250, 0.6)", "--wl-primary": "#ff4b4b",
    "--wl-border": "rgba(250, 250, 250, 0.2)", "--wl-bg": "#0e1117", "--wl-bg-2": "#262730", "--wl-code-bg": "#262730" },
};
// Streamlit 1.50's font stacks; the families are web/styles/fonts.css's @font-faces.
const FONTS = {
  "sans serif": '"Source Sans", sans-serif',
  "sans-serif": '"Source Sans", sans-serif',
  serif: '"Source Serif", serif',
  monospace: '"Source Code Pro", monospace',
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
// Drawing another table later replaces this one entirely (the Settings dialog's choice).
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
  // A theme drawn over another (the Settings dialog's choice) leaves nothing of the one before.
  app.style.fontFamily = theme.font ? FONTS[theme.font] || `${theme.font}, ${FONTS["sans serif"]}` : "";
  app.style.colorScheme = base;
  app.classList.toggle("wl-theme-dark", base === "dark");
  app.dataset.theme = base;
}

// Streamlit's favicon for an emoji: an SVG with the emoji as text (a data: URL).
export function emojiFavicon(emoji) {
  return "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>" +
    `<text y='.9em' font-size='90'>${encodeURIComponent(emoji)}</text></svg>`;
}

let faviconAsked = 0;  // the latest favicon asked for wins over a material one still drawing

function setFavicon(favicon) {
  const asked = ++faviconAsked;
  let href = null;
  if (favicon.startsWith("emoji:")) href = emojiFavicon(favicon.slice(6));
  else if (/^(data:|https?:|\/)/.test(favicon)) href = favicon;
  const material = materialName(favicon);
  if (material) {  // drawn by the icon font once it is there
    materialFavicon(material).then((drawn) => { if (drawn && asked === faviconAsked) applyFavicon(drawn); });
    return;
  }
  if (href) applyFavicon(href);  // a shortcode: keep the old one
}

function applyFavicon(href) {
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
  const sidebarLogo = h("div", { class: "wl-app-logo-slot" });  // st.logo (applyLogo)
  const header = h("div", { testid: "stSidebarHeader", class: "wl-sidebar-header" }, sidebarLogo,
    h("div", { testid: "stSidebarCollapseButton", class: "wl-sidebar-collapse" }, collapse));
  const content = view.sidebar.querySelector("[data-testid='stSidebarContent']");
  content.prepend(header);
  const expand = h("button", { type: "button", testid: "stExpandSidebarButton", class: "wl-sidebar-toggle",
    "aria-label": "Expand sidebar", title: "Expand sidebar" }, doubleArrow("right"));
  const headerLogo = h("div", { class: "wl-app-logo-slot wl-header-logo" });
  view.logoSlots = { sidebar: sidebarLogo, header: headerLogo };
  // The toolbar's right end (fixed at the page's top right): the running indicator
  // (status-widget.js) and the app menu (app-menu.js), in Streamlit's order.
  const toolbarEnd = h("div", { class: "wl-toolbar-end" });
  const bar = h("header", { testid: "stHeader", class: "wl-header" },
    h("div", { testid: "stToolbar", class: "wl-toolbar" }, headerLogo, expand, toolbarEnd));
  const container = view.app.querySelector(".wl-app-view");
  container.append(bar);
  // Streamlit's shell: stApp > stAppViewContainer (data-layout), and stApp's connection state,
  // "CONNECTING" until Python takes the app's events (AppView.attach makes it "CONNECTED").
  container.dataset.testid = "stAppViewContainer";
  container.classList.add("stAppViewContainer");
  container.dataset.layout = view.app.classList.contains("wl-layout-wide") ? "wide" : "narrow";
  if (!view.app.hasAttribute("data-test-connection-state")) view.app.setAttribute("data-test-connection-state", "CONNECTING");
  const set = (expanded) => {
    view.sidebar.setAttribute("aria-expanded", String(expanded));
    view.sidebar.classList.toggle("wl-collapsed", !expanded);
    expand.hidden = expanded || !view.sidebar.isConnected;
    drawLogos(view);
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
  if (config.layout) setWideLayout(view, config.layout === "wide");
  const state = config.initial_sidebar_state;
  if (state && state !== (view.initialSidebar || "auto")) {
    view.initialSidebar = state;
    if (view.setSidebarExpanded) view.setSidebarExpanded(!collapsedAt(state));
  }
}

/** The wide layout on or off (set_page_config's layout, the Settings dialog's Wide mode). */
export function setWideLayout(view, wide) {
  view.app.classList.toggle("wl-layout-wide", wide);
  const container = view.app.querySelector("[data-testid='stAppViewContainer']");
  if (container) container.dataset.layout = wide ? "wide" : "narrow";
}

// st.logo: in the sidebar's header (its icon_image while the sidebar is collapsed), and in
// the app's header while no sidebar is shown or it is collapsed (icon_image first), as
// Streamlit 1.50 draws it. `logo` null: a full run no longer calls st.logo.
export function applyLogo(view, logo) {
  view.logo = logo;
  drawLogos(view);
}

function drawLogos(view) {
  const slots = view.logoSlots;
  if (!slots) return;
  const logo = view.logo;
  const collapsed = view.sidebar.classList.contains("wl-collapsed");
  const inHeader = !!logo && (!view.sidebar.isConnected || collapsed);
  const key = JSON.stringify([logo, collapsed, inHeader]);
  if (slots.drawn === key) return;  // the images stay as they are (no reload, no flicker)
  slots.drawn = key;
  slots.sidebar.replaceChildren(...(logo ? [logoImage(logo, "stSidebarLogo", collapsed && logo.icon_image || logo.image)] : []));
  slots.header.replaceChildren(...(inHeader ? [logoImage(logo, "stHeaderLogo", logo.icon_image || logo.image)] : []));
}

// The image (data: or http(s) URL), in a link opening in a new tab when the logo has one.
function logoImage(logo, testid, src) {
  const img = h("img", { src, alt: "Logo", testid, class: `stLogo wl-app-logo wl-app-logo-${logo.size}` });
  const href = logo.link ? safeUrl(logo.link) : null;
  return href ? h("a", { href, target: "_blank", rel: "noreferrer", testid: "stLogoLink", class: "wl-app-logo-link" }, img) : img;
}
