// The whole schema, one import for the app and for drizzle-kit (drizzle.config.ts): the core tables in
// db/tables/core.ts and each feature's tables in a file of its own beside it (db/tables/README.md).
// Feature files import the core tables from ./core, never from here, so there is no import cycle.
// Names are listed, not `export *`: ES-module scripts (tsx, *.mts) importing this CommonJS-compiled
// file see only exports they can find by name.

export type {
  Article,
  Author,
  Comment,
  Poll,
  PollOption,
  Question,
  User,
} from "./tables/core";
export {
  accounts,
  apiTokens,
  appeals,
  articleFeedback,
  articles,
  articleViews,
  authors,
  commentRevisions,
  commentStatuses,
  comments,
  commentVotes,
  moderationActions,
  moderatorNotes,
  pollOptions,
  polls,
  pollVotes,
  questions,
  rateLimits,
  reportReasons,
  reports,
  sessions,
  settings,
  users,
  verificationTokens,
} from "./tables/core";
export type { FollowUpPollSnapshot } from "./tables/discovery";
export {
  articleFollowUps,
  commentShortlist,
} from "./tables/discovery";
export type { NotificationKind } from "./tables/notifications";
export {
  NOTIFICATION_KINDS,
  notificationOutbox,
  notificationPrefs,
  notifications,
  threadFollows,
  webhookDeliveries,
  webhooks,
} from "./tables/notifications";
export {
  embedHandoffs,
  externalThreads,
  importedAccounts,
  importedItems,
  importJobs,
} from "./tables/publishers";
