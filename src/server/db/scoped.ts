// The one place where every query is confined to one municipality. A scoped
// client adds `municipalityId` to the `where` of every read, update and delete
// and to the data of every create on tenant-owned models, so a forgotten
// filter returns nothing rather than another municipality's records.
import type { PrismaClient } from "@/generated/prisma/client";

/** Models that carry municipalityId (keep in sync with prisma/schema.prisma; tested). */
export const TENANT_MODELS = new Set([
  "Body",
  "Unit",
  "Meeting",
  "Paragraph",
  "Uppdrag",
  "StatusEntry",
  "UppdragLink",
  "Membership",
  "Session",
  "AuditEvent",
  "FrozenReport",
  "Plan",
  "PlanGoal",
  "PlanCommitment",
  "PlanActivity",
  "PlanIndicator",
  "PlanOccasion",
  "PlanActivityStatusEntry",
  "PlanIndicatorValue",
  "PlanCommitmentSummary",
  "PlanUppdragLink",
  "ExternalIdentity",
  "PasswordLink",
  "Correction",
  "Motion",
  "MotionEvent",
  "Follow",
  "ReminderPreference",
  "ReminderDelivery",
  "OutboxMail",
]);

const WHERE_OPS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
]);
const CREATE_OPS = new Set(["create", "createMany", "createManyAndReturn"]);

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object };

export function scopeArgs(operation: string, args: Args | undefined, municipalityId: string): Args {
  const a: Args = { ...(args ?? {}) };
  if (WHERE_OPS.has(operation)) {
    a.where = { ...(a.where ?? {}), municipalityId };
  } else if (CREATE_OPS.has(operation)) {
    a.data = Array.isArray(a.data)
      ? a.data.map((d) => ({ ...d, municipalityId }))
      : { ...(a.data as object), municipalityId };
  } else if (operation === "upsert") {
    a.where = { ...(a.where ?? {}), municipalityId };
    a.create = { ...(a.create ?? {}), municipalityId };
  } else {
    throw new Error(`scoped client: operation ${operation} is not supported on tenant models`);
  }
  return a;
}

function extend(prisma: PrismaClient, municipalityId: string) {
  return prisma.$extends({
    name: "municipality-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model)) return query(args);
          return query(scopeArgs(operation, args as Args, municipalityId) as typeof args);
        },
      },
    },
  });
}

declare const SCOPED: unique symbol;

/**
 * The database confined to one municipality. Domain functions take this, never
 * a PrismaClient: the brand makes passing the unscoped client a type error, so
 * only the entry layer (src/server/entry), auth, seeding and the tests that
 * build worlds can make one.
 */
export type ScopedClient = ReturnType<typeof extend> & { readonly [SCOPED]: true };

const municipalityOf = new WeakMap<object, string>();

export function scopedClient(prisma: PrismaClient, municipalityId: string): ScopedClient {
  const db = extend(prisma, municipalityId) as ScopedClient;
  municipalityOf.set(db, municipalityId);
  return db;
}

/** The municipality a scoped client is confined to (for assertions). */
export const scopeOf = (db: ScopedClient): string | undefined => municipalityOf.get(db);

/** The client inside `scopedClient(...).$transaction(async (tx) => ...)`. */
export type ScopedTx = Parameters<Extract<Parameters<ReturnType<typeof extend>["$transaction"]>[0], (...args: never[]) => unknown>>[0];
