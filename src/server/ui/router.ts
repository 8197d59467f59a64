// Addresses of the UI: /, /stories/:id, /articles/:id (#s3 marks a sentence), /entities/:name.
// Links are ordinary <a href>; a click on one inside the UI is handled here without a page load.
import { useEffect, useState } from "preact/hooks";

export type Route =
  | { page: "list"; params: URLSearchParams }
  | { page: "story"; id: string }
  | { page: "article"; id: string; sentence: number | null }
  | { page: "entity"; name: string }
  | { page: "missing" };

export function parseRoute(location: { pathname: string; search: string; hash: string }): Route {
  const path = location.pathname;
  let m: RegExpExecArray | null;
  if (path === "/") return { page: "list", params: new URLSearchParams(location.search) };
  if ((m = /^\/stories\/([^/]+)$/.exec(path))) return { page: "story", id: decodeURIComponent(m[1]) };
  if ((m = /^\/articles\/([^/]+)$/.exec(path))) {
    const s = /^#s(\d+)$/.exec(location.hash);
    return { page: "article", id: decodeURIComponent(m[1]), sentence: s ? Number(s[1]) : null };
  }
  if ((m = /^\/entities\/([^/]+)$/.exec(path))) return { page: "entity", name: decodeURIComponent(m[1]) };
  return { page: "missing" };
}

export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  window.dispatchEvent(new Event("storydesk:navigate"));
  if (!replace) window.scrollTo(0, 0);
}

/** The current route, kept in step with the address bar. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location));
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.("a");
      if (!a || a.target || a.hasAttribute("download") || a.origin !== window.location.origin || a.pathname.startsWith("/api/")) return;
      e.preventDefault();
      navigate(a.pathname + a.search + a.hash);
    };
    window.addEventListener("popstate", update);
    window.addEventListener("storydesk:navigate", update);
    document.addEventListener("click", click);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener("storydesk:navigate", update);
      document.removeEventListener("click", click);
    };
  }, []);
  return route;
}
