// How numbers and dates are written as text, the way Streamlit's front end writes them:
// printf-style formats (sprintf-js: number_input, sliders, NumberColumn), moment.js date
// formats (date sliders, DatetimeColumn), and NumberColumn's named number formats. One
// copy for every widget and cell that shows a value.

// --- printf-style formatting (sprintf-js semantics for one positional argument) ---------
const SPEC = /^%(?:([1-9]\d*)\$)?(\+)?(0|'[^$])?(-)?(\d+)?(?:\.(\d+))?([b-gijostTuvxX])/;

function formatOne(m, arg) {
  const [, , plus, padSpec, left, width, precision, type] = m;
  let text;
  let numeric = false;
  switch (type) {
    case "b": text = (parseInt(arg, 10) >>> 0).toString(2); break;
    case "c": text = String.fromCharCode(parseInt(arg, 10)); break;
    case "d": case "i": text = String(parseInt(arg, 10)); numeric = true; break;
    case "e": text = precision !== undefined ? parseFloat(arg).toExponential(Number(precision))
      : parseFloat(arg).toExponential(); numeric = true; break;
    case "f": text = precision !== undefined ? parseFloat(arg).toFixed(Number(precision))
      : String(parseFloat(arg)); numeric = true; break;
    case "g": text = precision !== undefined ? String(Number(Number(arg).toPrecision(Number(precision))))
      : String(parseFloat(arg)); numeric = true; break;
    case "o": text = (parseInt(arg, 10) >>> 0).toString(8); break;
    case "s": text = String(arg); if (precision !== undefined) text = text.substring(0, Number(precision)); break;
    case "t": text = String(!!arg); if (precision !== undefined) text = text.substring(0, Number(precision)); break;
    case "T": text = Object.prototype.toString.call(arg).slice(8, -1).toLowerCase(); break;
    case "u": text = String(parseInt(arg, 10) >>> 0); break;
    case "v": text = String(arg.valueOf()); break;
    case "x": text = (parseInt(arg, 10) >>> 0).toString(16); break;
    case "X": text = (parseInt(arg, 10) >>> 0).toString(16).toUpperCase(); break;
    case "j": text = JSON.stringify(arg, null, width ? parseInt(width, 10) : 0); break;
    default: text = String(arg);
  }
  let sign = "";
  if (numeric) {
    const negative = text.startsWith("-");
    if (negative) { sign = "-"; text = text.slice(1); } else if (plus) sign = "+";
  }
  const padChar = padSpec ? (padSpec === "0" ? "0" : padSpec.charAt(1)) : " ";
  const padLength = width ? Number(width) - (sign + text).length : 0;
  const pad = padLength > 0 ? padChar.repeat(padLength) : "";
  if (left) return sign + text + pad;
  return padChar === "0" ? sign + pad + text : pad + sign + text;
}

/** printf-style formatting of one value, as sprintf-js does it ("%0.2f", "%d years",
 * "%+.1e", "%s", "%%"). A format it cannot read is shown as it is. */
export function sprintf(format, arg) {
  let out = "";
  let rest = String(format);
  while (rest) {
    const i = rest.indexOf("%");
    if (i < 0) { out += rest; break; }
    out += rest.slice(0, i);
    rest = rest.slice(i);
    if (rest.startsWith("%%")) { out += "%"; rest = rest.slice(2); continue; }
    const m = SPEC.exec(rest);
    if (!m) return String(format);
    out += formatOne(m, arg);
    rest = rest.slice(m[0].length);
  }
  return out;
}

// --- moment.js-style date formatting (UTC) --------------------------------------------
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const LONG = { LTS: "h:mm:ss A", LT: "h:mm A", L: "MM/DD/YYYY", LL: "MMMM D, YYYY",
  LLL: "MMMM D, YYYY h:mm A", LLLL: "dddd, MMMM D, YYYY h:mm A", l: "M/D/YYYY",
  ll: "MMM D, YYYY", lll: "MMM D, YYYY h:mm A", llll: "ddd, MMM D, YYYY h:mm A" };
const TOKENS = /(\[[^[]*\])|(\\)?(Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|Qo?|YYYYYY|YYYYY|YYYY|YY|Y|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|ZZ?|.)/g;

const pad2 = (n, len = 2) => String(n).padStart(len, "0");
function ordinal(n) {
  const b = n % 10;
  const suffix = Math.floor((n % 100) / 10) === 1 ? "th" : b === 1 ? "st" : b === 2 ? "nd" : b === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

function tokenValue(t, d, ms) {
  const year = d.getUTCFullYear(), month = d.getUTCMonth(), day = d.getUTCDate();
  const wd = d.getUTCDay(), hour = d.getUTCHours();
  const dayOfYear = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 864e5) + 1;
  switch (t) {
    case "YYYYYY": return (year < 0 ? "-" : "+") + pad2(Math.abs(year), 6);
    case "YYYYY": return pad2(year, 5);
    case "YYYY": return year <= 9999 ? pad2(year, 4) : `+${year}`;
    case "YY": return pad2(year % 100);
    case "Y": return String(year);
    case "Q": return String(Math.floor(month / 3) + 1);
    case "Qo": return ordinal(Math.floor(month / 3) + 1);
    case "M": return String(month + 1);
    case "Mo": return ordinal(month + 1);
    case "MM": return pad2(month + 1);
    case "MMM": return MONTHS[month].slice(0, 3);
    case "MMMM": return MONTHS[month];
    case "D": return String(day);
    case "Do": return ordinal(day);
    case "DD": return pad2(day);
    case "DDD": return String(dayOfYear);
    case "DDDo": return ordinal(dayOfYear);
    case "DDDD": return pad2(dayOfYear, 3);
    case "d": case "e": return String(wd);
    case "do": return ordinal(wd);
    case "E": return String(wd === 0 ? 7 : wd);
    case "dd": return DAYS[wd].slice(0, 2);
    case "ddd": return DAYS[wd].slice(0, 3);
    case "dddd": return DAYS[wd];
    case "a": return hour < 12 ? "am" : "pm";
    case "A": return hour < 12 ? "AM" : "PM";
    case "H": return String(hour);
    case "HH": return pad2(hour);
    case "h": return String(hour % 12 || 12);
    case "hh": return pad2(hour % 12 || 12);
    case "k": return String(hour || 24);
    case "kk": return pad2(hour || 24);
    case "m": return String(d.getUTCMinutes());
    case "mm": return pad2(d.getUTCMinutes());
    case "s": return String(d.getUTCSeconds());
    case "ss": return pad2(d.getUTCSeconds());
    case "X": return String(Math.floor(ms / 1000));
    case "x": return String(Math.floor(ms));
    case "Z": return "+00:00";
    case "ZZ": return "+0000";
    default:
      if (/^S+$/.test(t)) return pad2(d.getUTCMilliseconds(), 3).padEnd(t.length, "0").slice(0, t.length);
      return t;
  }
}

/** A UTC instant (milliseconds) in moment.js format tokens: "YYYY-MM-DD", "HH:mm",
 * "MM/DD/YY - hh:mm", "ddd ha", "[at] LT"... */
export function formatMoment(ms, format) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "Invalid date";
  const expanded = String(format).replace(/(\[[^[]*\])|(LTS|LT|LL?L?L?|l{1,4})/g,
    (all, literal, long) => (literal ? all : LONG[long] || all));
  return expanded.replace(TOKENS, (all, literal, escape, token) => {
    if (literal) return literal.slice(1, -1);
    if (escape) return token;
    return tokenValue(token, d, ms);
  });
}

// --- NumberColumn's number texts --------------------------------------------------------

/** Streamlit's default number text: up to 4 decimals (more for tiny numbers), trimmed. */
export function defaultNumber(v) {
  if (!Number.isFinite(v)) return "";
  const digits = v === 0 || Math.abs(v) >= 1e-4 ? 4 : Math.abs(parseInt(v.toExponential().split("e")[1], 10));
  let s = v.toFixed(Math.min(100, digits));
  if (s.includes(".") && !s.includes("e")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}

function intl(v, options) {
  try { return new Intl.NumberFormat(navigator.languages, options).format(v); } catch (e) { return String(v); }
}

/** A number as Streamlit's NumberColumn formats it: a named format ("plain", "dollar",
 * "percent", "compact", "accounting"...) or a printf-style one. Not a number: its text. */
export function numberText(v, format) {
  if (typeof v !== "number") return v === null || v === undefined ? "" : String(v);
  if (!format) return defaultNumber(v);
  switch (format) {
    case "plain": return String(v);
    case "localized": return intl(v, {});
    case "percent": return intl(v, { style: "percent", maximumFractionDigits: 2 });
    case "dollar": return intl(v, { style: "currency", currency: "USD", currencyDisplay: "narrowSymbol" });
    case "euro": return intl(v, { style: "currency", currency: "EUR", currencyDisplay: "narrowSymbol" });
    case "yen": return intl(v, { style: "currency", currency: "JPY", currencyDisplay: "narrowSymbol" });
    case "compact": case "scientific": case "engineering": return intl(v, { notation: format });
    case "accounting": {
      const s = intl(Math.abs(v), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return v < 0 ? `(${s})` : s;
    }
    default: return sprintf(format, v);
  }
}
