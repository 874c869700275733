// The protocol between the Python runtime (runtime/wasmlit) and this renderer, written once
// on this side: the changes a run sends the page (AppView.apply), the events the page queues
// for the run pump (AppView.post, read by AppSession.enqueue), the element and block kinds
// Python places, and the builders that draw them. runtime/wasmlit/protocol.py holds the same
// names for Python; tests/test_protocol.py checks the two agree, and `tsc -p web` (see
// tsconfig.json, run by tests/test_typecheck.py) checks the JS against this file. Only types:
// nothing here is shipped, and the JS reads without a build step.
import type { AppView } from "./render.js";

/** Every leaf element kind Python places (DeltaGenerator.place_element). */
export type ElementKind =
  | "alert" | "arrow_vega_lite_chart" | "audio" | "balloons" | "button" | "camera_input"
  | "chat_input" | "checkbox" | "code" | "color_picker" | "data_editor" | "dataframe"
  | "date_input" | "download_button" | "exception" | "feedback" | "file_uploader"
  | "form_submit_button" | "heading" | "help" | "html" | "image" | "json" | "link_button"
  | "map_chart" | "markdown" | "metric" | "multiselect" | "number_input" | "page_link"
  | "pills" | "plotly_chart" | "progress" | "radio" | "segmented_control" | "select_slider"
  | "selectbox" | "slider" | "snow" | "spinner" | "table" | "text" | "text_area" | "toast"
  | "text_input" | "time_input" | "toggle" | "vega_lite_chart" | "video"
  | "deck_gl_json_chart" | "audio_input"
  | "graphviz_chart" | "pdf"
  | "iframe" | "component_instance";

/** Every block (container) kind Python places (DeltaGenerator.place_block). */
export type BlockKind =
  | "chat_message" | "column" | "dialog" | "empty" | "expander" | "form" | "horizontal"
  | "popover" | "status" | "tab" | "tabs" | "vertical";

/** The tree's roots (Tree.ROOTS): the page's own areas. */
export type RootId = "main" | "sidebar" | "event" | "bottom";

/** An element's or block's props: each builder reads its own (see its module). */
export type Props = Record<string, any>;

// --- changes: Python -> page (Tree.changes, sent as one JSON list per flush) ------------

/** A new element or block at `index` of block `parent` (replacing what was there). */
export type SetChange =
  | { op: "set"; parent: string; index: number; id: string; kind: ElementKind; props: Props; block: false }
  | { op: "set"; parent: string; index: number; id: string; kind: BlockKind; props: Props; block: true };

/** New props for the node `id` (same kind, same widget). `reset`: a widget shows the new
 * value even over what the user entered (a form cleared on submit). */
export interface UpdateChange { op: "update"; id: string; props: Props; reset?: boolean }

/** Block `parent` keeps its first `length` children. */
export interface TrimChange { op: "trim"; parent: string; length: number }

/** Every run_every fragment timer: fragment id -> seconds. */
export interface TimersChange { op: "timers"; timers: Record<string, number> }


/** st.query_params changed: the URL's query string to show. */
export interface QueryChange { op: "query"; query: string }

/** st.set_page_config: only what the call set. */
export interface PageConfigChange {
  op: "page_config";
  config: {
    title?: string;
    favicon?: string;
    layout?: "centered" | "wide";
    initial_sidebar_state?: "auto" | "expanded" | "collapsed";
  };
}

/** One page of st.navigation. */
export interface NavigationPage {
  hash: string; title: string; icon: string; url_path: string; default: boolean; section: string;
}

/** st.navigation: the pages, where the menu goes, and the page shown. */
export interface NavigationChange {
  op: "navigation";
  pages: NavigationPage[];
  sections: string[];
  position: string;
  expanded: boolean;
  current: string;
  query: string;
  not_found: boolean;
  title: string | null;
  favicon: string | null;
}

/** st.logo (image URLs; `link` an http(s) URL), or null: a full run no longer shows one. */
export interface LogoChange {
  op: "logo";
  logo: { image: string; icon_image: string | null; link: string | null; size: "small" | "medium" | "large" } | null;
}

/** The run failed outside the app's own error display (AppSession). */
export interface ScriptErrorChange { op: "script_error"; type: string; message: string }

export type Change =
  | SetChange | UpdateChange | TrimChange | TimersChange | QueryChange
  | PageConfigChange | NavigationChange | ScriptErrorChange | LogoChange;

export type ChangeOp = Change["op"];

// --- page events: page -> Python (AppView.post; AppSession.enqueue) ----------------------

/** What st.context shows (page-info.js pageInfo). */
export interface PageContext {
  timezone: string;
  timezone_offset: number;
  locale: string;
  url: string;
  is_embedded: boolean;
  theme: string;
  headers: [string, string][];
  cookies: string;
}

/** A full run. The first, and one after Back/Forward, carries the URL's query string and
 * st.context; "page" (a URL path segment) or "page_hash" (a link click) asks for a page.
 * After Python restarts, "values" (widget id -> the value the page's widget shows) gives the
 * fresh session the user's widget values back, without running their callbacks. */
export interface RerunEvent {
  kind: "rerun"; query?: string; context?: PageContext; page?: string; page_hash?: string;
  values?: Record<string, unknown>;
}

/** A run_every timer of fragment `fragment` fired. */
export interface TickEvent { kind: "tick"; fragment: string }

/** Widgets changed: widget id -> value (a form submit sends all its widgets). */
export interface WidgetsEvent { kind: "widgets"; values: Record<string, unknown> }

/** The Stop button: the run in progress ends at its next st call, as st.stop() ends it,
 * and requests queued behind it are dropped. Nothing happens when no run is going. */
export interface StopEvent { kind: "stop" }

export type PageEvent = RerunEvent | TickEvent | WidgetsEvent | StopEvent;

export type PageEventKind = PageEvent["kind"];

// --- the page and the Python worker (python-client.js <-> python-worker.js) ---------------
// Events travel as `events` messages, or through the shared mailbox (worker-mailbox.js) on
// a cross-origin isolated page; changes come back as JSON text of Change[].

/** What an app needs to start in the worker (mount; sent again after a restart). */
export interface MountArgs {
  app: number; code: string; filename: string; files: Record<string, Uint8Array> | null;
  secrets: string | null; requirements: string[]; wheels: string[]; packagesUrl: string | null;
  /** The build-time first run's changes the page drew (the session starts from that tree). */
  firstPaint?: Change[] | null;
  /** A folder kept in the browser (IndexedDB) across visits: `dir`, relative to the app's
   * working directory, stored under `key` (the page's name for this app's folder). */
  persist?: PersistArgs | null;
}

export interface PersistArgs { dir: string; key: string }

export type WorkerCall =
  | { method: "mount"; args: MountArgs }
  | { method: "unmount"; args: { app: number } }
  | { method: "replaceSource"; args: { app: number; code: string; files?: Record<string, Uint8Array> } };

/** Page -> worker. */
export type WorkerRequest =
  | { type: "init"; base: string; pageBase: string; names: Record<string, string>;
      mailboxMemory: SharedArrayBuffer | null; oneFile: boolean; pageHasJSPI: boolean;
      /** The site's service worker keeps every file (the snapshot too): see offline-cache.js. */
      offlineCache: boolean }
  | ({ type: "call"; id: number } & WorkerCall)
  | { type: "events"; app: number; items: { seq: number; event: PageEvent }[] }
  | { type: "wake" }
  | { type: "asset"; id: number; found: boolean; bytes?: ArrayBuffer | null; status?: number; contentType?: string };

/** Worker -> page. */
export type WorkerMessage =
  | { type: "ready"; isolated: boolean; jspi: boolean }
  | { type: "boot-failed"; message: string }
  | { type: "progress"; call?: number; message: string }
  | { type: "reply"; id: number; ok: boolean; result?: unknown; error?: { message: string; name: string } }
  | { type: "changes"; app: number; json: string }
  | { type: "ran"; app: number; consumed: number }
  | { type: "failed"; app: number; message: string; gone: boolean }
  | { type: "package-loading"; app: number; message: string | null }
  | { type: "console"; method: string; text: string }
  | { type: "mark"; name: string; time: number }
  | { type: "asset-request"; id: number; url: string; method: string }
  /** The persistent folder is memory only: storage refused, full, or a write failed. */
  | { type: "persist-trouble"; app: number; kind: "refused" | "full" | "failed"; dir: string; reason: string };

// --- builders ----------------------------------------------------------------------------

/** What an element builder returns. `update(props, before)` patches in place (widgets keep
 * focus and what the user typed); without it, an update rebuilds the element. `read()`
 * gives a widget's current value (forms send them all on submit). */
export interface ElementApi {
  el: HTMLElement;
  update?(props: Props, before: Props): void;
  read?(): unknown;
  formId?: string | null;
  submits?: boolean;
  isSubmit?: boolean;
  dispose?(): void;
  [extra: string]: unknown;
}

/** What a block builder returns: its element, and `body`, where its children go. */
export interface BlockApi {
  el: HTMLElement;
  body: HTMLElement;
  update?(props: Props, before: Props): void;
  childAdded?(): void;
  dispose?(): void;
}

export type ElementBuilder = (props: Props, view: AppView) => ElementApi;
export type BlockBuilder = (props: Props, view: AppView) => BlockApi;

/** A builder for every element kind: tsc flags a kind without one. */
export type ElementBuilders = { [K in ElementKind]: ElementBuilder };
/** A builder for every block kind. */
export type BlockBuilders = { [K in BlockKind]: BlockBuilder };

/** One module's share of the builders (only known kinds). */
export type SomeElementBuilders = Partial<ElementBuilders>;
export type SomeBlockBuilders = Partial<BlockBuilders>;

/** A node of the page's tree (AppView.nodes): a root, a block or a leaf element. */
export interface TreeNode {
  el: Element;
  kind: ElementKind | BlockKind | "root";
  props?: Props;
  body?: HTMLElement;
  api?: ElementApi | BlockApi;
  blockEl?: Element;
  placeholder?: HTMLElement;
}

/** Turns a union of maps into their intersection (every key of every map). */
export type Merged<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
