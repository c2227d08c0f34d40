// Finds the uppdrag a decision gives: "Kommunstyrelsen uppdrar åt
// kommunledningskontoret att utreda ...", "ger X i uppdrag att",
// "X får i uppdrag att", "X ska återkomma", "ska återrapporteras".
// These are proposals: the secretary confirms them before they are stored.
import { shortenAtWord } from "@/lib/text";
import { findDate } from "./dates";
import { squash, stripListMarker } from "./text";
import type { ParsedAssignment } from "./types";

export interface AssignmentContext {
  /** Known units; a match is reported with this spelling. */
  units?: string[];
  /** The paragraph's recipients, searched for a unit when the sentence names none. */
  sentTo?: string[];
}

// No letter or digit may touch a keyword; \b would not work next to å, ä, ö.
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const rx = (source: string) => new RegExp(source, "iu");

type PickResponsible = (m: RegExpExecArray, sentence: string) => string | null;

interface Rule {
  re: RegExp;
  responsible: PickResponsible;
}

const named: PickResponsible = (m) => m[1];

/**
 * The grammatical subject before the keyword: "Kommunstyrelsen beslutar att
 * förvaltningen ska återkomma" → "förvaltningen".
 */
const subjectBefore: PickResponsible = (m, sentence) => {
  const pieces = sentence
    .slice(0, m.index)
    .split(/[,;:]|(?<![\p{L}])(?:att|beslutar|beslöt|beslutade)(?![\p{L}])/u);
  const subject = (pieces.pop() ?? "")
    .trim()
    .replace(/^(?:dessutom|vidare|därefter|även|samtidigt)\s+/i, "");
  const generic = /^(det|detta|den|denna|dessa|man|vi|uppdraget|ärendet|frågan|beslutet|resultatet|redovisningen|arbetet)$/i;
  if (!subject || generic.test(subject) || subject.split(/\s+/).length > 8) return null;
  return stripListMarker(subject);
};

const nobody: PickResponsible = () => null;

// Order matters: the first rule that matches a sentence decides.
const RULES: Rule[] = [
  { re: rx(`${B}ger?\\s+i\\s+uppdrag\\s+(?:åt|till)\\s+(.+?)\\s+att${E}`), responsible: named },
  { re: rx(`${B}ger?\\s+(.+?)\\s+i\\s+uppdrag\\s+att${E}`), responsible: named },
  { re: rx(`${B}uppdra[rs]?\\s+(?:åt|till)\\s+(.+?)\\s+att${E}`), responsible: named },
  // inverted word order: "Vidare får kommundirektören i uppdrag att ..."
  { re: rx(`${B}får\\s+(?!i\\s)(.+?)\\s+i\\s+uppdrag\\s+att${E}`), responsible: named },
  { re: rx(`${B}(?:får|ges|erhåller|tilldelas)\\s+i\\s+uppdrag\\s+att${E}`), responsible: subjectBefore },
  { re: rx(`${B}uppdras\\s+att${E}`), responsible: subjectBefore },
  { re: rx(`${B}uppdrar\\s+(?!åt\\s|till\\s)(.+?)\\s+att${E}`), responsible: named },
  { re: rx(`${B}(?:ska|skall)\\s+(?:\\S+\\s+){0,6}?återkomma${E}|${B}återkommer${E}`), responsible: subjectBefore },
  { re: rx(`${B}(?:ska|skall)\\s+(?:\\S+\\s+){0,6}?återrapportera${E}|${B}återrapporterar${E}`), responsible: subjectBefore },
  // passive or nominal: "Uppdraget ska återrapporteras", "Återrapportering ska ske"
  {
    re: rx(`${B}återrapporteras${E}|${B}återrapportering(?:en)?\\s+(?:ska|skall)\\s+ske${E}|${B}återrapportering\\s+sker${E}|${B}återrapportera${E}`),
    responsible: nobody,
  },
];

/** "kommunledningskontoret i samråd med ekonomiavdelningen" → "kommunledningskontoret" */
function cleanPhrase(phrase: string | null): string | null {
  if (!phrase) return null;
  const p = squash(phrase)
    .replace(/\s+(?:i samråd med|i samverkan med|i samarbete med|tillsammans med|i dialog med)\s.*$/i, "")
    .replace(/^(?:åt|till)\s+/i, "")
    .replace(/[,;]$/, "")
    .trim();
  return p || null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The unit (from `units`) named earliest in `text`, matched case-insensitively
 * as whole words; a genitive "s" is allowed ("administrativa avdelningens").
 */
export function matchUnit(text: string, units: string[]): string | null {
  let best: { unit: string; index: number } | null = null;
  for (const unit of units) {
    const name = squash(unit);
    if (!name) continue;
    const re = new RegExp(`${B}${escapeRegExp(name).replace(/ /g, "\\s+")}s?${E}`, "iu");
    const m = re.exec(text);
    if (m && (!best || m.index < best.index || (m.index === best.index && unit.length > best.unit.length))) {
      best = { unit, index: m.index };
    }
  }
  return best?.unit ?? null;
}

function resolveResponsible(phrase: string | null, sentence: string, ctx: AssignmentContext): string | null {
  const units = ctx.units ?? [];
  if (phrase) return matchUnit(phrase, units) ?? phrase;
  if (units.length === 0) return null;
  return matchUnit(sentence, units) ?? (ctx.sentTo ?? []).map((r) => matchUnit(r, units)).find((u) => u !== null) ?? null;
}

/** "senast den 30 juni 2022", "senast 2022-06-30" → "2022-06-30". */
function findDeadline(sentence: string): string | null {
  const m = /(?<![\p{L}])senast\s+(.{0,28})/iu.exec(sentence);
  return m ? findDate(m[1]) : null;
}

/**
 * Sentences of a decision: each line (list item) on its own, split further at
 * sentence ends. List markers ("1.", "-") are dropped.
 */
export function decisionSentences(decision: string): string[] {
  return decision
    .split("\n")
    .map((line) => stripListMarker(line.trim()))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[\p{Lu}"”»])/u))
    .map(squash)
    .filter(Boolean);
}

// A sentence that only says when the previous uppdrag is to be reported
// ("Åtgärderna redovisas för nämnden senast 2021-11-24."). It never gives an
// uppdrag on its own.
const FOLLOW_UP = rx(`${B}(?:redovisas|rapporteras|ska\\s+vara\\s+(?:klar|klart|klara|färdig|färdigt|färdiga|genomförd|genomfört|genomförda|slutförd|slutfört|slutförda))${E}`);

/** The phrase naming who is responsible, when the sentence gives an uppdrag; undefined when it gives none. */
function matchRules(sentence: string): { phrase: string | null } | undefined {
  for (const rule of RULES) {
    const m = rule.re.exec(sentence);
    if (m) return { phrase: cleanPhrase(rule.responsible(m, sentence)) };
  }
  return undefined;
}

/** "att uppdra åt X att upphandla, samt" → "att uppdra åt X att upphandla": the glue belongs to the list, not the uppdrag. */
function withoutListGlue(sentence: string): string {
  return sentence.replace(/\s*[,;]?\s+(?:samt|och)$|\s*[,;]$/i, "");
}

/**
 * Proposes one uppdrag per sentence of the decision that gives one. A
 * sentence that names nobody and follows an uppdrag ("Uppdraget ska
 * återrapporteras senast den 30 juni 2022.") tells when that uppdrag is due,
 * so it is added to it instead of becoming a second uppdrag.
 */
export function findAssignments(decision: string, ctx: AssignmentContext = {}): ParsedAssignment[] {
  const found: ParsedAssignment[] = [];
  for (const sentence of decisionSentences(decision)) {
    const match = matchRules(sentence);
    const previous = found[found.length - 1];
    const followsUp = match ? match.phrase === null : FOLLOW_UP.test(sentence);
    if (previous && followsUp) {
      previous.text = `${previous.text} ${sentence}`;
      previous.deadline ??= findDeadline(sentence);
    } else if (match) {
      found.push({
        text: withoutListGlue(sentence),
        responsible: resolveResponsible(match.phrase, sentence, ctx),
        deadline: findDeadline(sentence),
      });
    }
  }
  return found;
}

const TITLE_MAX = 140;

/**
 * A short title for a proposed uppdrag: what is to be done, without who is
 * asked. "Ekonomiavdelningen får i uppdrag att ta fram en åtgärdsplan." →
 * "Ta fram en åtgärdsplan". The secretary can change it before saving.
 */
export function assignmentTitle(text: string): string {
  let t = squash(stripListMarker(text));
  const task = rx(`(?:${B}i\\s+uppdrag\\s+att|${B}uppdra[rs]?\\s+(?:åt|till)\\s+.+?\\s+att|${B}uppdras\\s+att)\\s+(.+)$`).exec(t);
  t = task ? task[1] : t.replace(/^att\s+/i, "");
  t = (t.split(/(?<=[.!?])\s+/u)[0] ?? t).replace(/[.,;:]+$/, "").trim();
  t = shortenAtWord(t, TITLE_MAX);
  return t ? `${t[0].toLocaleUpperCase("sv")}${t.slice(1)}` : t;
}
