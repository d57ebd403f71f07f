// What an author is told about a stored comment's status, from the stored status, deciding phase and
// reason (the pipeline's own message is shown at posting time; this rebuilds it later, e.g. on the
// author's comments page). A moderator's decision carries the moderator's own words.

const PIPELINE_REASONS: Record<string, string> = {
  comments_closed: "Comments on this article are closed.",
  quiet_hours: "Comments on this article were closed for the night when you posted.",
  author_banned: "Your account is banned; you cannot comment.",
  author_suspended: "Your account was suspended when you posted.",
  rate_limited: "Not published: you were posting too fast.",
  rate_limited_network: "Not published: too many comments came from your network at once.",
  duplicate: "Not published: it repeated a comment you had just posted.",
  honeypot: "Not published: a hidden form field was filled in, which only automated software does.",
  banned_word: "Not published: it contains a word that is not allowed here.",
  profanity: "Held for review: it contains strong language, so a moderator reads it first.",
  profanity_rejected: "Not published: it contains profanity.",
  suspect_word: "Held for review: it contains a word a moderator checks first.",
  link_from_new_commenter: "Held for review: links from new commenters are checked first.",
  premoderation: "Held for review: comments on this article appear after a moderator has read them.",
  surge: "Held for review: the discussion was very busy, so new comments are read by a moderator first.",
  new_commenter: "Held for review: the first comments of a new commenter are read by a moderator.",
  reported: "Hidden pending review: several readers reported it; a moderator will decide.",
};

export function explainStatus(c: {
  status: string;
  decidedBy: string | null;
  statusReason: string | null;
}): string {
  const human = c.decidedBy === "moderator";
  switch (c.status) {
    case "approved":
      return "Published.";
    case "pending":
      return (
        (c.statusReason && PIPELINE_REASONS[c.statusReason]) ??
        "Held for review: a moderator will read it soon."
      );
    case "rejected":
      if (human) return `Rejected by a moderator: ${c.statusReason ?? "it breaks the community rules."}`;
      return (c.statusReason && PIPELINE_REASONS[c.statusReason]) ?? "Not published.";
    case "spam":
      return human
        ? "Marked as spam by a moderator."
        : (PIPELINE_REASONS[c.statusReason ?? ""] ?? "Marked as spam.");
    case "deleted":
      return human ? `Removed by a moderator${c.statusReason ? `: ${c.statusReason}` : "."}` : "Deleted.";
    default:
      return c.status;
  }
}
