// Word-list matching for comments and display names: whole words, case-insensitive, and robust to the
// usual obfuscations — leetspeak (sh1t, @ss, $pam), repeated letters (baaad), inserted punctuation
// (b.a.d, b-a-d, b*a*d), a vowel replaced by * (sh*t) and accents (bàd). Multi-word entries ("casino
// bonus") match consecutive words. Whole words: "classic" never matches "ass", nor "as" matches "ass".
//
// No regular expression runs over reader text with backtracking: each word of the text and each entry
// become run-length sequences of canonical letters ("baaad" → b·a³·d) and are compared run by run, the
// text's runs at least as long as the entry's. Time is linear in the text.

/** leet symbols and digits → the letter they stand for; "I" = 1 | ! (i or l), "*" = any vowel */
const CANON: Record<string, string> = {
  "4": "a",
  "@": "a",
  "8": "b",
  "3": "e",
  "€": "e",
  "9": "g",
  "0": "o",
  "5": "s",
  $: "s",
  "§": "s",
  "7": "t",
  "+": "t",
  "2": "z",
  "1": "I",
  "|": "I",
  "!": "I",
  "*": "*",
};
const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
const MAX_WORD = 60;

interface Run {
  ch: string;
  n: number;
}

interface Reading {
  runs: Run[];
  /** the text as it appeared */
  shown: string;
}

/** Lower-cases and strips accents so that "BÀD" and "bad" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

function runs(word: string): Run[] {
  const out: Run[] = [];
  for (const c of word) {
    const ch = CANON[c] ?? c;
    const last = out[out.length - 1];
    if (last && last.ch === ch) last.n++;
    else out.push({ ch, n: 1 });
  }
  return out;
}

function runMatches(t: Run, e: Run): boolean {
  if (t.n < e.n) return false;
  if (t.ch === e.ch) return true;
  if (t.ch === "I") return e.ch === "i" || e.ch === "l";
  if (t.ch === "*") return VOWELS.has(e.ch);
  return false;
}

function wordMatches(t: Run[], e: Run[]): boolean {
  if (t.length !== e.length) return false;
  for (let i = 0; i < t.length; i++) if (!runMatches(t[i], e[i])) return false;
  return true;
}

const IS_LEET = /[@$§€|!*+]/u;
const NOT_WORDISH = /[^\p{L}\p{N}@$§€|!*+]/gu;
const WORDISH_CHAR = /[\p{L}\p{N}]/u;

// trimming by hand: /[^\p{L}\p{N}]+$/ backtracks quadratically on a long run of symbols
function trimStartSymbols(w: string): string {
  const cs = [...w];
  let i = 0;
  while (i < cs.length && !WORDISH_CHAR.test(cs[i])) i++;
  return cs.slice(i).join("");
}
function trimEndSymbols(w: string): string {
  const cs = [...w];
  let j = cs.length;
  while (j > 0 && !WORDISH_CHAR.test(cs[j - 1])) j--;
  return cs.slice(0, j).join("");
}

/** The readings of one whitespace-separated piece of text worth comparing with the list. */
function candidates(piece: string, shown = piece): Reading[] {
  const keep = piece.replace(NOT_WORDISH, ""); // "b.a.d" → "bad", "$h1t," → "$h1t"
  const letters = piece.replace(/[^\p{L}\p{N}]/gu, ""); // "b*a*d" → "bad"
  const parts = piece.split(NOT_WORDISH); // "bad,word" → "bad", "word"
  const set = new Set<string>();
  for (const w of [keep, letters, ...parts]) {
    set.add(w);
    if (IS_LEET.test(w)) {
      // "idiot!" → "idiot", "$c4m!" → "$c4m", "!!scam" → "scam"
      const t = trimEndSymbols(w);
      set.add(t);
      set.add(trimStartSymbols(w));
      set.add(trimStartSymbols(t));
    }
  }
  const out: Reading[] = [];
  for (const w of set) {
    if (!w || w.length > MAX_WORD || /^\p{N}+$/u.test(w)) continue; // "455" is a number, not "ass"
    out.push({ runs: runs(w), shown });
  }
  return out;
}

interface Entry {
  word: string;
  parts: Run[][];
}

export interface WordMatcher {
  /** the first listed word found in the text (as listed) and the text that matched; null when none */
  find(text: string): { word: string; found: string } | null;
}

function bucketKeys(first: string): string[] {
  if (first === "I") return ["i", "l"];
  if (first === "*") return [...VOWELS];
  return [first];
}

const cache = new Map<string, WordMatcher>();

/** Compiles a list once (cached by its content). */
export function compileWordList(words: readonly string[]): WordMatcher {
  const key = words.join("\u0000");
  const hit = cache.get(key);
  if (hit) return hit;
  const single = new Map<string, Entry[]>(); // "<runs>:<first letter>" → entries
  const multi: Entry[] = [];
  for (const word of words) {
    const parts = foldText(word)
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}\p{N}@$§€|!+]/gu, ""))
      .filter(Boolean)
      .map(runs);
    if (!parts.length) continue;
    const entry = { word, parts };
    if (parts.length > 1) multi.push(entry);
    else {
      const k = `${parts[0].length}:${parts[0][0].ch}`;
      const list = single.get(k);
      if (list) list.push(entry);
      else single.set(k, [entry]);
    }
  }
  const matcher: WordMatcher = {
    find(text: string) {
      const pieces = foldText(text).split(/\s+/).filter(Boolean);
      const readings = pieces.map((p) => candidates(p));
      // spaced-out letters ("f u c k") read as one word too
      for (let i = 0; i < pieces.length; ) {
        let j = i;
        while (j < pieces.length && [...pieces[j]].length === 1) j++;
        if (j - i >= 3)
          readings[i] = [
            ...readings[i],
            ...candidates(pieces.slice(i, j).join(""), pieces.slice(i, j).join(" ")),
          ];
        i = j > i ? j : i + 1;
      }
      for (let i = 0; i < pieces.length; i++) {
        for (const { runs: r, shown } of readings[i]) {
          if (!r.length) continue;
          for (const first of bucketKeys(r[0].ch)) {
            for (const e of single.get(`${r.length}:${first}`) ?? [])
              if (wordMatches(r, e.parts[0])) return { word: e.word, found: shown };
          }
        }
        for (const e of multi) {
          if (i + e.parts.length > pieces.length) continue;
          const ok = e.parts.every((p, j) => readings[i + j].some((r) => wordMatches(r.runs, p)));
          if (ok) return { word: e.word, found: pieces.slice(i, i + e.parts.length).join(" ") };
        }
      }
      return null;
    },
  };
  if (cache.size > 50) cache.clear();
  cache.set(key, matcher);
  return matcher;
}

/** The first word of `words` found in `text`, or null. */
export function findListedWord(
  text: string,
  words: readonly string[],
): { word: string; found: string } | null {
  return compileWordList(words).find(text);
}
