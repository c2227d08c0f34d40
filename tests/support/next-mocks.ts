// Stand-ins for what Next.js provides around a request, so that server actions,
// route handlers and pages can be called directly in Vitest. The test sets
// `request.actor` (who is signed in) and `request.db` (the test database).
// Each test file wires them with vi.mock (see tests/integration/endpoint-matrix.test.ts).
import type { Database } from "@/server/db/connect";
import type { Actor } from "@/server/permissions";

export const request: { actor: Actor | null; db: Database | null; headers?: Headers } = { actor: null, db: null };

/** What notFound() throws. */
export class NotFoundSignal extends Error {
  constructor() {
    super("NEXT_NOT_FOUND");
  }
}
/** What redirect() throws. */
export class RedirectSignal extends Error {
  constructor(public readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
}
/** What forbidden() / unauthorized() throw. */
export class ForbiddenSignal extends Error {
  constructor(public readonly status: 401 | 403) {
    super(`NEXT_HTTP_ERROR ${status}`);
  }
}

export const navigation = {
  notFound: (): never => {
    throw new NotFoundSignal();
  },
  redirect: (url: string): never => {
    throw new RedirectSignal(url);
  },
  permanentRedirect: (url: string): never => {
    throw new RedirectSignal(url);
  },
  forbidden: (): never => {
    throw new ForbiddenSignal(403);
  },
  unauthorized: (): never => {
    throw new ForbiddenSignal(401);
  },
};

export const actorModule = {
  // A uuid like a session id (the user's own, as no session row is needed here).
  getSessionId: async () => request.actor?.userId ?? null,
  getActor: async () => request.actor,
  sessionStillValid: async () => true,
  requireActor: async (callbackPath?: string) => {
    if (!request.actor) navigation.redirect(callbackPath ? `/logga-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/logga-in");
    return request.actor!;
  },
};

export const dbModule = {
  getDb: async () => request.db!,
  getPrisma: async () => request.db!.prisma,
};

export const cacheModule = { revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {}, unstable_cache: <T>(fn: T) => fn };

const emptyCookies = { get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {}, toString: () => "" };
/** A same-origin browser request, as the entry layer's origin check expects for a state-changing call. */
export const sameOriginHeaders = () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" });
export const headersModule = { headers: async () => request.headers ?? sameOriginHeaders(), cookies: async () => emptyCookies, draftMode: async () => ({ isEnabled: false }) };
