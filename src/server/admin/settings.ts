// Municipality settings: name, the diarium's Dnr URL pattern, the two report
// days, the open public view (on/off and what it shows), and the logo (PNG or SVG, size-limited; an SVG is drawn to a PNG; kept
// in the database and served by /kommun/logotyp). Which bodies the report covers is report-bodies.ts.
// Administrator only; audited; a stale form is refused (Municipality.version).
import sharp from "sharp";
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
    select: {
      name: true,
      slug: true,
      diariumUrlPattern: true,
      reportDayFirst: true,
      reportDaySecond: true,
      logoUpdatedAt: true,
      logoType: true,
      version: true,
      publicView: true,
      publicShowComments: true,
      publicShowNames: true,
    },
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

export interface PublicViewInput {
  expectedVersion: number;
  publicView: "on" | "off";
  show: ("comments" | "names")[];
}

/** Turns the open public view on or off and chooses what it shows (docs/decisions/007-public-view.md). Audited like the other settings. */
export async function updatePublicView(db: ScopedClient, actor: Actor, input: PublicViewInput): Promise<void> {
  guard(actor);
  const select = { publicView: true, publicShowComments: true, publicShowNames: true } as const;
  await db.$transaction(async (tx) => {
    const before = await tx.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select });
    const data = { publicView: input.publicView === "on", publicShowComments: input.show.includes("comments"), publicShowNames: input.show.includes("names") };
    const r = await tx.municipality.updateMany({ where: { id: actor.municipalityId, version: input.expectedVersion }, data: { ...data, version: { increment: 1 } } });
    if (r.count !== 1) throw new StaleRecordError("kommunens inställningar");
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "municipality.public-view.update", entity: "Municipality", entityId: actor.municipalityId, before, after: data });
  });
}

export type LogoType = "image/png";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Largest image a logo may unpack to (a small file can hold a huge, empty image). */
const MAX_PIXELS = 4096 * 4096;
/** An SVG is drawn this many pixels on its longer side: the header shows it 40 px high. */
const SVG_PIXELS = 512;
const NOT_A_LOGO = "Logotypen ska vara en PNG- eller SVG-fil.";
const UNREADABLE = "Filen gick inte att läsa som bild. Spara den på nytt som PNG eller SVG.";

/**
 * What is stored of an uploaded logo, judged by its bytes (never by its name or
 * the browser's word), always a PNG the server has decoded:
 * - a PNG by its signature, kept as uploaded once it decodes whole;
 * - an SVG (its root element) is drawn to a PNG here, by librsvg through sharp,
 *   which runs no script and loads nothing: no network, no file (an image
 *   without a base address has nothing to load from). No SVG text is ever kept
 *   or served, so no filter of SVG features has to be complete (issue #15:
 *   <animate>/<set>, @import, entities and the like got past the old one).
 */
export async function readLogo(bytes: Uint8Array): Promise<{ type: LogoType; bytes: Buffer }> {
  const buf = Buffer.from(bytes);
  const png = buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE);
  if (!png && !isSvg(buf)) throw new RefusedError(NOT_A_LOGO, "logo");
  try {
    if (png) {
      const meta = await sharp(buf, { limitInputPixels: false }).metadata();
      if (meta.format !== "png") throw new RefusedError(NOT_A_LOGO, "logo");
      checkSize(meta.width, meta.height);
      // Decode it whole: a cut or corrupt file is refused, not served.
      await sharp(buf, { limitInputPixels: MAX_PIXELS, failOn: "warning" }).raw().toBuffer();
      return { type: "image/png", bytes: buf };
    }
    return { type: "image/png", bytes: await drawSvg(buf) };
  } catch (e) {
    if (e instanceof RefusedError) throw e;
    throw new RefusedError(UNREADABLE, "logo");
  }
}

function isSvg(buf: Buffer): boolean {
  const text = buf.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  return /^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text);
}

function checkSize(width: number | undefined, height: number | undefined) {
  if (!width || !height) throw new RefusedError(UNREADABLE, "logo");
  if (width * height > MAX_PIXELS) throw new RefusedError(`Bilden är för stor: högst ${Math.sqrt(MAX_PIXELS)} × ${Math.sqrt(MAX_PIXELS)} bildpunkter.`, "logo");
}

async function drawSvg(buf: Buffer): Promise<Buffer> {
  // Its size at 72 dpi decides the density that gives SVG_PIXELS on the longer side.
  const meta = await sharp(buf, { limitInputPixels: MAX_PIXELS }).metadata();
  if (meta.format !== "svg" || !meta.width || !meta.height) throw new RefusedError(UNREADABLE, "logo");
  const density = Math.min(Math.max((72 * SVG_PIXELS) / Math.max(meta.width, meta.height), 1), 72 * 64);
  return sharp(buf, { density, limitInputPixels: MAX_PIXELS, failOn: "error" })
    .resize({ width: SVG_PIXELS, height: SVG_PIXELS, fit: "inside", withoutEnlargement: true })
    .png()
    .timeout({ seconds: 10 })
    .toBuffer();
}

export async function setLogo(db: ScopedClient, actor: Actor, input: { expectedVersion: number; bytes: Uint8Array }, now = new Date()): Promise<void> {
  guard(actor);
  if (input.bytes.length === 0) throw new RefusedError("Välj en fil.", "logo");
  if (input.bytes.length > LOGO_MAX_BYTES) throw new RefusedError(`Filen är för stor: högst ${Math.round(LOGO_MAX_BYTES / 1024)} kB.`, "logo");
  const logo = await readLogo(input.bytes);
  await db.$transaction(async (tx) => {
    const r = await tx.municipality.updateMany({
      where: { id: actor.municipalityId, version: input.expectedVersion },
      data: { logo: new Uint8Array(logo.bytes), logoType: logo.type, logoUpdatedAt: now, version: { increment: 1 } },
    });
    if (r.count !== 1) throw new StaleRecordError("kommunens inställningar");
    await recordAudit(tx, { municipalityId: actor.municipalityId, actorId: actor.userId, action: "municipality.logo.set", entity: "Municipality", entityId: actor.municipalityId, after: { type: logo.type, bytes: input.bytes.length, stored: logo.bytes.length } });
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
  if (!m?.logo || !m.logoType) return null;
  // A logo stored as SVG before uploads were drawn to PNG is drawn when served.
  if (m.logoType === "image/svg+xml") {
    const drawn = await readLogo(m.logo).catch(() => null);
    return drawn && { bytes: drawn.bytes, type: drawn.type, updatedAt: m.logoUpdatedAt };
  }
  return { bytes: m.logo, type: m.logoType, updatedAt: m.logoUpdatedAt };
}
