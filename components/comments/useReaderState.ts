"use client";
// What differs per reader, fetched by the client once the page runs with JavaScript: who is signed in,
// their votes, their held comments, the current limits; plus `live` (JavaScript is running) and a
// clock for the edit window.
import { useEffect, useRef, useState } from "react";
import type { PublicComment, ViewerState } from "@/lib/comments/types";
import { commentsApi } from "./api";

export function useReaderState(slug: string) {
  const [state, setState] = useState<ViewerState | undefined>(undefined);
  const [votes, setVotes] = useState<Record<string, 1 | -1>>({});
  const [held, setHeld] = useState<PublicComment[]>([]);
  const [live, setLive] = useState(false);
  const [now, setNow] = useState(0);
  const viewerIdRef = useRef<string | null>(null);

  useEffect(() => {
    setLive(true);
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    commentsApi
      .mine(slug)
      .then((s) => {
        viewerIdRef.current = s.viewer?.id ?? null;
        setState(s);
        setVotes(s.votes);
        setHeld(s.pending);
      })
      .catch(() => setState({ viewer: null, votes: {}, pending: [] }));
    return () => clearInterval(tick);
  }, [slug]);

  return { state, votes, setVotes, held, setHeld, live, now, viewerIdRef };
}
