// Runs once when a Next.js server process starts (never during `next build`): the app's start-up
// (database, migrations, cache sync) and the fast-lane table handed to the edge (server/lanes.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("./lib/server/boot");
  (await import("./lib/auth/startup")).registerAuthStartup();
  (await import("./server/lanes")).installLanes();
  await boot();
}
