// The live line on the list and uppdrag pages, as the server renders it. Node 21
// and later have a global `navigator` without `onLine`: reading it while rendering
// on the server showed "Du är offline" to a member who was online and made React
// throw hydration error #418 when the browser rendered "Hämtad kl. …".
import { afterEach, describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
const { LiveRefresh } = await import("@/components/ui/live-refresh");

const render = () => renderToString(createElement(LiveRefresh, { renderedAt: "2026-12-06T13:05:00.000Z" }));

describe("the live line rendered on the server", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says online by default, whatever the server's `navigator` (none, or Node's without onLine)", () => {
    for (const navigator of [undefined, { userAgent: "Node.js/22", language: "en-US" }, { onLine: false }]) {
      vi.stubGlobal("navigator", navigator);
      const html = render();
      expect(html, JSON.stringify(navigator)).not.toContain("offline");
      expect(html).toContain("Hämtad kl. 14:05.");
    }
  });
});
