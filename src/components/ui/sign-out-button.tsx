"use client";
import { confirmLeavingUnsaved } from "./use-unsaved-changes";

/** Pages kept for offline reading must not outlive the session on a shared tablet. */
async function clearOfflineCopies() {
  try {
    navigator.serviceWorker?.controller?.postMessage("clear");
    if ("caches" in window) await Promise.all((await caches.keys()).map((k) => caches.delete(k)));
  } catch {
    // Nothing cached, or storage unavailable: nothing to clear.
  }
}

/**
 * next-auth's sign-out (CSRF token, then POST), without loading its client
 * library on every page; the server revokes the session (auth/options.ts).
 */
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/logga-in", json: "true" }),
  });
  // A full page load, not router.push: it drops the client's cache of signed-in pages.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign("/logga-in");
}

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        // Asked before the session ends: afterwards "stay" would keep a page that can no longer save.
        if (!confirmLeavingUnsaved()) return;
        await clearOfflineCopies();
        await signOut();
      }}
      className="min-h-11 rounded-md border border-white/40 px-3 text-sm font-medium text-white hover:bg-white/10"
    >
      Logga ut
    </button>
  );
}
