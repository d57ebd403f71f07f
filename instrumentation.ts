// Runs once when a Next.js server process starts (never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("./lib/server/boot");
  (await import("./lib/auth/startup")).registerAuthStartup();
  await boot();
}
