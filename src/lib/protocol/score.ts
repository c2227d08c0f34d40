// The parser's score on hand-checked minutes: for every field a secretary
// would otherwise correct by hand, the share the parser got right. The
// fixtures (tests/fixtures/protocols: NAME.txt with NAME.json beside it) are
// read by `loadProtocolFixtures`; `scoreProtocols` is pure. Used by
// `npm run bench -- --parser-only` and by tests/unit/protocol/score.test.ts.
// Node only (reads files); not exported from the parser's index.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { assignmentTitle } from "./assignments";
import { parseProtocol } from "./index";
import type { ParsedParagraph, ParsedProtocol } from "./types";

export interface ExpectedAssignment {
  responsible: string | null;
  deadline: string | null;
  title: string;
}

/** The fields of a parsed paragraph a fixture states, with its uppdrag as a fixture writes them. */
export type ExpectedParagraph = Pick<ParsedParagraph, "number" | "dnr" | "dnrClass" | "title" | "decision" | "proposalToCouncil" | "sentTo"> & {
  assignments: ExpectedAssignment[];
};

export interface ExpectedProtocol {
  style?: string;
  units?: string[];
  meeting: { body: string | null; date: string | null };
  paragraphs: ExpectedParagraph[];
}

export interface ProtocolFixture {
  name: string;
  text: string;
  expected: ExpectedProtocol;
}

/** The fields scored, in the order they are printed. */
export const SCORE_FIELDS = [
  "meetingDate",
  "meetingBody",
  "paragraphs",
  "dnr",
  "dnrClass",
  "title",
  "decision",
  "proposalToCouncil",
  "sentTo",
  "uppdragCount",
  "uppdragResponsible",
  "uppdragDeadline",
  "uppdragTitle",
] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

export interface FieldScore {
  right: number;
  total: number;
  /** right / total in per cent, one decimal. */
  percent: number;
}

export interface ProtocolScore {
  fields: Record<ScoreField, FieldScore>;
  total: FieldScore;
  /** What was wrong, one line each ("ks-x.txt § 12 dnr: expected …, got …"). */
  misses: string[];
}

const squash = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const sameText = (a: string | null | undefined, b: string | null | undefined) => squash(a) === squash(b);
const sameName = (a: string | null | undefined, b: string | null | undefined) =>
  squash(a).toLocaleLowerCase("sv") === squash(b).toLocaleLowerCase("sv");
const percent = (right: number, total: number) => (total === 0 ? 100 : Math.round((1000 * right) / total) / 10);

/** Reads every NAME.txt with a NAME.json beside it in `dir`. */
export function loadProtocolFixtures(dir: string): ProtocolFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => {
      const json = path.join(dir, f.replace(/\.txt$/, ".json"));
      try {
        const expected = JSON.parse(readFileSync(json, "utf8")) as ExpectedProtocol;
        return [{ name: f, text: readFileSync(path.join(dir, f), "utf8"), expected }];
      } catch {
        return [];
      }
    });
}

/** Scores parsed protocols against their expectations. `parse` defaults to the parser. */
export function scoreProtocols(
  fixtures: ProtocolFixture[],
  parse: (text: string, units: string[] | undefined) => ParsedProtocol = (text, units) => parseProtocol(text, units ? { units } : {}),
): ProtocolScore {
  const counts = Object.fromEntries(SCORE_FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<ScoreField, { right: number; total: number }>;
  const misses: string[] = [];
  const show = (v: unknown) => JSON.stringify(v ?? null);

  for (const fx of fixtures) {
    const got = parse(fx.text, fx.expected.units);
    const check = (field: ScoreField, ok: boolean, where: string, expected: unknown, actual: unknown) => {
      counts[field].total++;
      if (ok) counts[field].right++;
      else misses.push(`${fx.name}${where} ${field}: expected ${show(expected)}, got ${show(actual)}`);
    };
    check("meetingDate", got.meeting.date === fx.expected.meeting.date, "", fx.expected.meeting.date, got.meeting.date);
    check("meetingBody", sameName(got.meeting.body, fx.expected.meeting.body), "", fx.expected.meeting.body, got.meeting.body);

    // Paragraphs: each expected one found, and none invented.
    const expectedNumbers = fx.expected.paragraphs.map((p) => p.number);
    const extra = got.paragraphs.filter((p) => !expectedNumbers.includes(p.number));
    for (const e of extra) check("paragraphs", false, ` § ${e.number}`, "no paragraph", e.title);

    for (const exp of fx.expected.paragraphs) {
      const p = got.paragraphs.find((x) => x.number === exp.number);
      const where = ` § ${exp.number}`;
      check("paragraphs", p !== undefined, where, exp.number, null);
      check("dnr", p !== undefined && sameText(p.dnr, exp.dnr), where, exp.dnr, p?.dnr);
      check("dnrClass", p !== undefined && sameText(p.dnrClass, exp.dnrClass), where, exp.dnrClass, p?.dnrClass);
      check("title", p !== undefined && sameText(p.title, exp.title), where, exp.title, p?.title);
      check("decision", p !== undefined && sameText(p.decision, exp.decision), where, exp.decision, p?.decision);
      check(
        "proposalToCouncil",
        p !== undefined && sameText(p.proposalToCouncil, exp.proposalToCouncil),
        where,
        exp.proposalToCouncil,
        p?.proposalToCouncil,
      );
      const sentTo = p?.sentTo.map(squash) ?? [];
      check("sentTo", p !== undefined && show(sentTo) === show(exp.sentTo.map(squash)), where, exp.sentTo, p?.sentTo);
      const found = p?.assignments ?? [];
      check("uppdragCount", p !== undefined && found.length === exp.assignments.length, where, exp.assignments.length, found.length);
      exp.assignments.forEach((ea, i) => {
        const a = found[i];
        const at = `${where} uppdrag ${i + 1}`;
        check("uppdragResponsible", a !== undefined && sameName(a.responsible, ea.responsible), at, ea.responsible, a?.responsible);
        check("uppdragDeadline", a !== undefined && a.deadline === ea.deadline, at, ea.deadline, a?.deadline);
        const title = a ? assignmentTitle(a.text) : null;
        check("uppdragTitle", title !== null && sameText(title, ea.title), at, ea.title, title);
      });
    }
  }

  const fields = Object.fromEntries(
    SCORE_FIELDS.map((f) => [f, { ...counts[f], percent: percent(counts[f].right, counts[f].total) }]),
  ) as Record<ScoreField, FieldScore>;
  const right = SCORE_FIELDS.reduce((n, f) => n + counts[f].right, 0);
  const total = SCORE_FIELDS.reduce((n, f) => n + counts[f].total, 0);
  return { fields, total: { right, total, percent: percent(right, total) }, misses };
}

/** "meetingDate 100.0 % (6/6)" lines and the total, for the bench. */
export function formatScore(score: ProtocolScore): string {
  const lines = SCORE_FIELDS.map((f) => {
    const s = score.fields[f];
    return `  ${f.padEnd(20)} ${s.percent.toFixed(1).padStart(5)} %  (${s.right}/${s.total})`;
  });
  lines.push(`  ${"total".padEnd(20)} ${score.total.percent.toFixed(1).padStart(5)} %  (${score.total.right}/${score.total.total})`);
  return lines.join("\n");
}
