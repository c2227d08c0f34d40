"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";

const clockFormat = new Intl.DateTimeFormat("sv-SE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Stockholm" });

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}
const browserOnline = () => navigator.onLine;
const serverOnline = () => true;

/**
 * Keeps the page current: listens to /api/live and re-renders the server
 * components when anyone in the municipality saves a change. Also tells the
 * reader when the page is offline and as of when it is shown.
 */
export function LiveRefresh({ renderedAt }: { renderedAt: string }) {
  const router = useRouter();
  // Online by default: the server cannot know (and a server-side `navigator` has no
  // `onLine`), so the server's HTML and the hydrating render agree ("Hämtad kl. …");
  // the reader is told about being offline only once the browser says so.
  const [state, setState] = useState<"connecting" | "live" | "reconnecting" | "offline">("connecting");
  const online = useSyncExternalStore(subscribeOnline, browserOnline, serverOnline);

  useEffect(() => {
    let source: EventSource | null = null;
    const connect = () => {
      source?.close();
      source = new EventSource("/api/live");
      source.onopen = () => setState("live");
      source.onerror = () => setState(navigator.onLine ? "reconnecting" : "offline");
      source.addEventListener("uppdrag-changed", () => router.refresh());
      // The server's live channel was interrupted (the database restarted): changes may have been missed.
      source.addEventListener("resync", () => router.refresh());
      // The session ended (signed out elsewhere, deactivated, timed out): stop, and let the page send the reader to sign in.
      source.addEventListener("session-ended", () => {
        source?.close();
        router.refresh();
      });
    };
    const goOffline = () => setState("offline");
    const goOnline = () => {
      setState("reconnecting");
      connect();
      router.refresh(); // catch up on what was missed
    };
    if (navigator.onLine) connect();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    return () => {
      source?.close();
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
    };
  }, [router]);

  const time = clockFormat.format(new Date(renderedAt));
  if (state === "offline" || !online) {
    return (
      <p role="status" className="no-print rounded-md border border-amber-400 bg-amber-50 px-3 py-2 font-medium text-amber-950">
        Du är offline. Listan visas som den såg ut kl. {time}.
      </p>
    );
  }
  return (
    <p role="status" className="no-print text-sm text-slate-700">
      {state === "live" ? `Uppdateras direkt när något ändras. Senast hämtad kl. ${time}.` : state === "reconnecting" ? "Återansluter för direktuppdatering …" : `Hämtad kl. ${time}.`}
    </p>
  );
}
