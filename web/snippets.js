// App snippets in a host page:
//   <script type="text/x-wasmlit"> import streamlit as st ... </script>   inline code
//   <script type="text/x-wasmlit" src="app.py"></script>                  code from a URL
// Attributes: target="#css-selector" (render there; default: a <div> put right after the
// tag), requirements="pkg another>=1.2" (installed with micropip before the first run),
// files="files.json" (a multi-file app: the manifest build.py writes; src may then be left
// out), entrypoint="pages/main.py" (the entry inside those files), secrets="secrets.toml",
// url (a bare attribute: the page URL is this app's, for its query params and pages),
// packages-url="https://.../" (where Pyodide's packages come from; default: packages.json's).
// Requirements naming packages of Pyodide's distribution load from there.
export const SNIPPET_TYPE = "text/x-wasmlit";

export function snippetOptions(script) {
  const attr = (name) => script.getAttribute(name) ?? script.getAttribute(`data-${name}`);
  return {
    src: attr("src"),
    inline: script.textContent,
    target: attr("target"),
    requirements: splitRequirements(attr("requirements")),
    files: attr("files"),
    entrypoint: attr("entrypoint"),
    secrets: attr("secrets"),
    url: script.hasAttribute("url") || script.hasAttribute("data-url"),
    packagesUrl: attr("packages-url"),
  };
}

// "a b>=1, c\nd" -> ["a", "b>=1", "c", "d"]
export function splitRequirements(text) {
  return (text || "").split(/[\s,]+/).map((s) => s.trim()).filter((s) => s && !s.startsWith("#"));
}

// The element a snippet renders into: its target, else a new <div> right after the tag.
export function snippetHost(script, target) {
  if (target) {
    const found = document.querySelector(target);
    if (found) return found;
    console.error(`wasmlit: no element matches target="${target}"; the app renders after its <script> tag`);
  }
  const host = document.createElement("div");
  host.className = "wl-embed";
  script.after(host);
  return host;
}
