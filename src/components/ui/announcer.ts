/**
 * Screen-reader announcements for changes that have no visible place to be
 * read from (a row that has left the list, focus moved on): the polite live
 * region the app shell renders (#announcer) is filled a moment after it is
 * cleared, so the same text twice is announced twice.
 */
export const ANNOUNCER_ID = "announcer";

export function announce(text: string) {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = text;
  }, 100);
}
