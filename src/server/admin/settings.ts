// Municipality settings: name, the diarium's Dnr URL pattern, the two report
// days, and the logo (PNG or SVG, size-limited, kept in the database and served
// by /kommun/logotyp). Which bodies the report covers is report-bodies.ts.
// Administrator only; audited; a stale form is refused (Municipality.version).
import type { ScopedClient } from "@/server/db/scoped";
import { requirePermission, type Actor } from "@/server/permissions";
import { recordAudit } from "@/server/audit";
import { RefusedError, StaleRecordError } from "@/server/errors";
import { LOGO_MAX_BYTES } from "@/lib/validation/admin";

const guard = (actor: Actor) => requirePermission(actor, "admin:manage", { municipalityId: actor.municipalityId });

export async function getSettings(db: ScopedClient, actor: Actor) {
  guard(actor);
  return db.municipality.findUniqueOrThrow({
    where: { id: actor.municipalityId },
    select: { name: true, slug: true, diariumUrlPattern: true, reportDayFirst: true, reportDaySecond: true, logoUpdatedAt: true, logoType: true, version: true },
  });
}

export interface SettingsInput {
  expectedVersion: number;
  name: string;
  diariumUrlPattern?: string;
  reportDayFirst: string;
  reportDaySecond: string;
}

export async function updateSettings(db: ScopedClient, actor: Actor, input: SettingsInput): Promise<void> {
  guard(actor);
  const select = { name: true, diariumUrlPattern: true, reportDayFirst: true, reportDaySecond: true } as const;
  await db.$transaction(async (tx) => {
    // The municipality is the tenant itself: filtered by the actor's own id.
    const before = await tx.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select });
    const data = { name: input.name, diariumUrlPattern: input.diariumUrlPattern ?? null, reportDayFirst: input.reportDayFirst, reportDaySecond: input.reportDaySecond };
    const r = await tx.municipality.updateMany({ where: { id: actor.municipalityId, version: input.expectedVersion }, data: { ...data, version: { increment: 1 } } });
    if (r.count !== 1) throw new StaleRecordError("kommunens inställningar");
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "municipality.settings.update", entity: "Municipality", entityId: actor.municipalityId, before, after: data });
  });
}

export type LogoType = "image/png" | "image/svg+xml";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What a file is, judged by its bytes (never by its name or the browser's word):
 * a PNG by its signature, an SVG by its root element. An SVG with scripts,
 * event handlers, foreign objects or external references is refused; it is also
 * served with a sandboxing CSP, so nothing in it could run anyway.
 */
export function logoTypeOf(bytes: Uint8Array): LogoType {
  const buf = Buffer.from(bytes);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return "image/png";
  const text = buf.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  const isSvg = /^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text);
  if (!isSvg) throw new RefusedError("Logotypen ska vara en PNG- eller SVG-fil.", "logo");
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY|\bhref\s*=\s*(?!["']#)/i.test(text))
    throw new RefusedError("SVG-filen innehåller skript, länkar eller inbäddat innehåll. Spara den som en enkel SVG eller som PNG.", "logo");
  return "image/svg+xml";
}

export async function setLogo(db: ScopedClient, actor: Actor, input: { expectedVersion: number; bytes: Uint8Array }, now = new Date()): Promise<void> {
  guard(actor);
  if (input.bytes.length === 0) throw new RefusedError("Välj en fil.", "logo");
  if (input.bytes.length > LOGO_MAX_BYTES) throw new RefusedError(`Filen är för stor: högst ${Math.round(LOGO_MAX_BYTES / 1024)} kB.`, "logo");
  const type = logoTypeOf(input.bytes);
  await db.$transaction(async (tx) => {
    const r = await tx.municipality.updateMany({
      where: { id: actor.municipalityId, version: input.expectedVersion },
      data: { logo: Buffer.from(input.bytes), logoType: type, logoUpdatedAt: now, version: { increment: 1 } },
    });
    if (r.count !== 1) throw new StaleRecordError("kommunens inställningar");
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "municipality.logo.set", entity: "Municipality", entityId: actor.municipalityId, after: { type, bytes: input.bytes.length } });
  });
}

export async function removeLogo(db: ScopedClient, actor: Actor, input: { expectedVersion: number }): Promise<void> {
  guard(actor);
  await db.$transaction(async (tx) => {
    const r = await tx.municipality.updateMany({
      where: { id: actor.municipalityId, version: input.expectedVersion },
      data: { logo: null, logoType: null, logoUpdatedAt: null, version: { increment: 1 } },
    });
    if (r.count !== 1) throw new StaleRecordError("kommunens inställningar");
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "municipality.logo.remove", entity: "Municipality", entityId: actor.municipalityId });
  });
}

/** The logo of the actor's municipality, for the route that serves it. */
export async function getLogo(db: ScopedClient, actor: Actor) {
  requirePermission(actor, "uppdrag:read", { municipalityId: actor.municipalityId });
  const m = await db.municipality.findUnique({ where: { id: actor.municipalityId }, select: { logo: true, logoType: true, logoUpdatedAt: true } });
  return m?.logo && m.logoType ? { bytes: m.logo, type: m.logoType, updatedAt: m.logoUpdatedAt } : null;
}
