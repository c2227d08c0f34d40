"use client";
import { signOut } from "next-auth/react";

/** Pages kept for offline reading must not outlive the session on a shared tablet. */
async function clearOfflineCopies() {
  try {
    navigator.serviceWorker?.controller?.postMessage("clear");
    if ("caches" in window) await Promise.all((await caches.keys()).map((k) => caches.delete(k)));
  } catch {
    // Nothing cached, or storage unavailable: nothing to clear.
  }
}

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await clearOfflineCopies();
        await signOut({ callbackUrl: "/logga-in" });
      }}
      className="min-h-11 rounded-md border border-white/40 px-3 text-sm font-medium text-white hover:bg-white/10"
    >
      Logga ut
    </button>
  );
}
