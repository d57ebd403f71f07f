// The moderation queue's keyboard help.
export const KEYS: [string, string][] = [
  ["j / k", "next / previous comment"],
  ["a", "approve"],
  ["r", "reject (asks for the reason shown to the author)"],
  ["s", "mark as spam"],
  ["d", "delete"],
  ["f", "feature / unfeature"],
  ["p", "pin / unpin"],
  ["x", "select for a bulk action"],
  ["?", "show or hide this help"],
  ["Esc", "close the reason box or the help"],
];

export function QueueHelp() {
  return (
    <section
      role="dialog"
      aria-label="Keyboard shortcuts"
      className="mt-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
    >
      <h2 className="font-semibold">Keyboard shortcuts</h2>
      <p className="mt-1 text-sm">The letter keys work while focus is in the list of comments.</p>
      <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-1 text-sm">
        {KEYS.map(([k, v]) => (
          <div key={k} className="contents">
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
