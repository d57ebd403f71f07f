// The site's moderation settings: one zod schema with defaults. Stored one key per row in the `settings`
// table (jsonb), so a partial update touches only what changed and a new setting needs no migration.
import { z } from "zod";

const word = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "must not be empty (remove the blank entry)")
  .max(100, "must be at most 100 characters");

/** Word lists: trimmed, blank entries refused, duplicates (case-insensitive) dropped. */
const wordList = z
  .array(word, { error: "must be a list of words" })
  .max(5000, "at most 5000 words")
  .transform((words) => {
    const seen = new Set<string>();
    return words.filter((w) => {
      const k = w.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  });

const count = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** An origin another site embeds comments from: scheme, host and port only, lower-cased. */
const embedOrigin = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "must not be empty (remove the blank entry)")
  .max(200, "must be at most 200 characters")
  .transform((s, ctx) => {
    let u: URL | null = null;
    try {
      u = new URL(s);
    } catch {}
    const bare = u && (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !u.username;
    if (!u || !bare || (u.protocol !== "https:" && u.protocol !== "http:")) {
      ctx.addIssue({ code: "custom", message: `"${s}" is not an origin such as https://news.example` });
      return z.NEVER;
    }
    return u.origin;
  });

export const settingsShape = {
  /** a comment containing one of these (whole word, obfuscations included) is rejected */
  bannedWords: wordList,
  /** a comment containing one of these is held for review */
  suspectWords: wordList,
  /** the built-in English profanity list (the `obscenity` package): off, hold for review, or reject */
  profanityFilter: z.enum(["off", "hold", "reject"], { error: "must be off, hold or reject" }),
  /** comments one author may post per minute */
  commentsPerMinutePerAuthor: count(1, 10_000),
  /** comments one network (IP) may post per minute */
  commentsPerMinutePerIp: count(1, 100_000),
  /** a comment repeating the author's own comment from the last N minutes is refused (0 = off) */
  duplicateWindowMinutes: count(0, 7 * 24 * 60),
  /** links from authors with fewer approved comments than this are held (0 = off) */
  linksMinApproved: count(0, 10_000),
  /** the first K comments of a new commenter are held (0 = off) */
  newCommenterHoldCount: count(0, 10_000),
  /** reports from this many distinct readers hide a comment pending review */
  reportHideThreshold: count(1, 10_000),
  /** surge: more than this many comments a minute on one article switches it to premoderation */
  surgeCommentsPerMinute: count(1, 1_000_000),
  /** surge: more than this % of an article's last 50 comments held or rejected */
  surgeHeldPercent: count(1, 100),
  /** surge: how long premoderation lasts once switched on */
  surgeMinutes: count(1, 7 * 24 * 60),
  /** the site's time zone, for quiet hours */
  timeZone: z
    .string({ error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .refine(isTimeZone, "must be an IANA time zone such as Europe/London or UTC"),
  /** moderation of articles left on "default": post (publish unless a rule holds) or pre (hold all) */
  defaultModerationMode: z.enum(["post", "pre"], { error: "must be post or pre" }),
  /** how long authors may edit their comment */
  editWindowMinutes: count(0, 7 * 24 * 60),
  commentMinLength: count(1, 100_000),
  commentMaxLength: count(1, 100_000),
  /** sites that may embed Agora's comments (/embed.js): their pages frame /embed/threads/…, and a
   * page of theirs creates its thread on first load */
  embedOrigins: z
    .array(embedOrigin, { error: "must be a list of origins" })
    .max(200, "at most 200 origins")
    .transform((list) => [...new Set(list)]),
};

export type SettingKey = keyof typeof settingsShape;
export const SETTING_KEYS = Object.keys(settingsShape) as SettingKey[];

export const settingsSchema = z
  .object(settingsShape)
  .strict()
  .superRefine((s, ctx) => {
    if (s.commentMaxLength < s.commentMinLength)
      ctx.addIssue({
        code: "custom",
        path: ["commentMaxLength"],
        message: `must be at least commentMinLength (${s.commentMinLength})`,
      });
  });

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  bannedWords: ["viagra", "cialis", "casino bonus", "crypto giveaway"],
  suspectWords: ["idiot", "moron", "stupid", "liar", "scum", "traitor"],
  profanityFilter: "hold",
  commentsPerMinutePerAuthor: 5,
  commentsPerMinutePerIp: 20,
  duplicateWindowMinutes: 10,
  linksMinApproved: 1,
  newCommenterHoldCount: 0,
  reportHideThreshold: 3,
  surgeCommentsPerMinute: 60,
  surgeHeldPercent: 60,
  surgeMinutes: 30,
  timeZone: "UTC",
  defaultModerationMode: "post",
  editWindowMinutes: 15,
  commentMinLength: 2,
  commentMaxLength: 5000,
  embedOrigins: [],
};

/** A partial update (PUT takes the whole object or any part of it); unknown keys are refused. */
export const settingsPatchSchema = z.object(settingsShape).partial().strict();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;
