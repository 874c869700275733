// What a page tells the app about itself, and the page URL kept in step with
// st.query_params (as Streamlit 1.50's frontend does):
//   pageInfo()       the query string and st.context's values, sent with a rerun event
//   showQuery(q)     a new query string from the app: the URL changes, nothing reloads
//   watchHistory(f)  Back/Forward to another query string calls f(pageInfo()) (the app
//                    reruns with it); returns the function that stops watching

// The URL the user sees (the top page's when embedded in a same-origin frame).
function visibleUrl() {
  let href = document.location.href;
  try {
    if (window.parent !== window && window.top) href = window.top.location.href;
  } catch {
    href = document.location.href;
  }
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  return url.toString();
}

function isEmbedded() {
  for (const [key, value] of new URLSearchParams(window.location.search)) {
    if (key.toLowerCase() === "embed" && value.toLowerCase() === "true") return true;
  }
  return false;
}

// The request headers a page can know.
/** @returns {[string, string][]} */
function headers() {
  /** @type {[string, string][]} */
  const pairs = [["Host", location.host], ["User-Agent", navigator.userAgent]];
  if (document.cookie) pairs.push(["Cookie", document.cookie]);
  return pairs;
}

export function pageInfo() {
  return {
    query: location.search.replace(/^\?/, ""),
    context: {
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      timezone_offset: new Date().getTimezoneOffset(),
      locale: navigator.language,
      url: visibleUrl(),
      is_embedded: isEmbedded(),
      theme: "light",
      headers: headers(),
      cookies: document.cookie,
    },
  };
}

export function showQuery(query) {
  const url = document.location.pathname + (query ? `?${query}` : "");
  window.history.pushState({}, "", url);
}

export function watchHistory(onChange) {
  const listener = () => {
    if (!document.location.toString().includes("#")) onChange(pageInfo());
  };
  window.addEventListener("popstate", listener);
  return () => window.removeEventListener("popstate", listener);
}
