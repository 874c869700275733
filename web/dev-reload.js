// The dev server (build.py --dev) bumps a version number each time the app's files change;
// the page asks for it twice a second and, when it moves, fetches the files again and hands
// the new code to the running app: it reruns in the same Pyodide with its session state.
const POLL_MS = 500;

export function watchForChanges(handle, versionURL, refetch) {
  let seen = null;
  let timer = null;
  const check = async () => {
    try {
      const response = await fetch(new URL(versionURL, document.baseURI), { cache: "no-store" });
      const version = (await response.text()).trim();
      if (seen !== null && version !== seen && handle.replaceSource) {
        const { code, files, entrypoint } = await refetch();
        const text = code ?? new TextDecoder().decode(files[entrypoint]);
        console.info("wasmlit: the app's files changed; rerunning with the new code");
        handle.replaceSource(text, files);
      }
      seen = version;
    } catch (err) {
      console.warn("wasmlit: the dev server did not answer", err);
    }
    if (handle.state !== "unmounted") timer = setTimeout(check, POLL_MS);
  };
  check();
  handle.addEventListener("unmount", () => clearTimeout(timer));
}
