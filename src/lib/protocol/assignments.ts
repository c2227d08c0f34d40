// Finds the uppdrag a decision gives: "Kommunstyrelsen uppdrar åt
// kommunledningskontoret att utreda ...", "ger X i uppdrag att",
// "X får i uppdrag att", "X ska återkomma", "ska återrapporteras".
// These are proposals: the secretary confirms them before they are stored.
import { findDeadline } from "./dates";
import { squash, stripListMarker } from "./text";
import type { ParsedAssignment } from "./types";

export interface AssignmentContext {
  /** Known units; a match is reported with this spelling. */
  units?: string[];
  /** The paragraph's recipients, searched for a unit when the sentence names none. */
  sentTo?: string[];
  /** The meeting date (YYYY-MM-DD), for deadlines without a year ("till sammanträdet i juni"). */
  meetingDate?: string | null;
}

// No letter or digit may touch a keyword; \b would not work next to å, ä, ö.
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const rx = (source: string) => new RegExp(source, "iu");

/** The phrase naming who is responsible; null when none is named; false when the match gives no uppdrag. */
type PickResponsible = (m: RegExpExecArray, sentence: string) => string | null | false;

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

// The head noun of an administrative unit, a body or an official: only such a
// subject of "ska ... redovisa" receives an uppdrag ("Taxan ska gälla" does not).
const ORG_SUBJECT =
  /(förvaltningen|förvaltningarna|kontoret|avdelningen|avdelningarna|enheten|enheterna|nämnden|nämnderna|styrelsen|utskottet|direktören|direktörer|chefen|cheferna|bolaget|bolagen|sekretariatet|kansliet|omsorgen|ledningen|staben|sektorn|sektionen|funktionen|samordnaren|\bAB)$/iu;

/** The subject before the keyword, when it names a unit, a body or an official. */
const unitSubject: PickResponsible = (m, sentence) => {
  const subject = subjectBefore(m, sentence);
  return subject && ORG_SUBJECT.test(subject) ? subject : false;
};

/**
 * Återremiss: "Ärendet återremitteras till X för att ...", "att återremittera
 * ärendet för att förvaltningen ska ...": an uppdrag to the preparing body,
 * named after "till" or as the subject after "för att"; else none (the
 * recipients or the units tell).
 */
const preparingBody: PickResponsible = (m) => {
  if (m[1]) return m[1];
  const subject = m[2]?.trim();
  return subject && ORG_SUBJECT.test(subject) ? subject : null;
};

// Verbs of a task: "X ska i november 2025 redovisa ...".
const TASK_VERBS =
  "redovisa|utreda|ta\\s+fram|genomföra|arbeta\\s+fram|utarbeta|upprätta|revidera|se\\s+över|presentera|analysera|komplettera|lämna|inkomma|följa\\s+upp|återkomma|återrapportera|rapportera|informera|besluta|implementera|inrätta|tillsätta|starta|påbörja|slutföra|säkerställa|undersöka|kartlägga|ta\\s+ställning";

// Order matters: the first rule that matches a sentence decides.
const RULES: Rule[] = [
  {
    re: rx(`${B}återremitter(?:as|a|ar|ades)(?:\\s+ärendet)?(?:\\s+till\\s+(.+?))?\\s+för\\s+att(?:\\s+(.{2,60}?)\\s+(?:ska|skall)${E})?`),
    responsible: preparingBody,
  },
  { re: rx(`${B}ger?\\s+i\\s+uppdrag\\s+(?:åt|till)\\s+(.+?)\\s+att${E}`), responsible: named },
  { re: rx(`${B}ger?\\s+(.+?)\\s+i\\s+uppdrag\\s+att${E}`), responsible: named },
  { re: rx(`${B}uppdra[rs]?\\s+(?:åt|till)\\s+(.+?)\\s+att${E}`), responsible: named },
  // inverted word order: "Vidare får kommundirektören i uppdrag att ..."
  { re: rx(`${B}får\\s+(?!i\\s)(.+?)\\s+i\\s+uppdrag\\s+att${E}`), responsible: named },
  { re: rx(`${B}(?:får|ges|erhåller|tilldelas)\\s+i\\s+uppdrag\\s+att${E}`), responsible: subjectBefore },
  { re: rx(`${B}uppdras\\s+att${E}`), responsible: subjectBefore },
  { re: rx(`${B}uppdrar\\s+(?!åt\\s|till\\s)(.+?)\\s+att${E}`), responsible: named },
  { re: rx(`${B}(?:ska|skall)\\s+(?:\\S+\\s+){0,6}?återkomma${E}|${B}återkommer${E}`), responsible: subjectBefore },
  { re: rx(`${B}(?:ska|skall)\\s+(?:\\S+\\s+){0,6}?(?:${TASK_VERBS})${E}`), responsible: unitSubject },
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
const FOLLOW_UP = rx(`${B}(?:redovisas|rapporteras|presenteras|behandlas|ska\\s+vara\\s+(?:klar|klart|klara|färdig|färdigt|färdiga|genomförd|genomfört|genomförda|slutförd|slutfört|slutförda))${E}`);

/** The phrase naming who is responsible, when the sentence gives an uppdrag; undefined when it gives none. */
function matchRules(sentence: string): { phrase: string | null } | undefined {
  for (const rule of RULES) {
    const m = rule.re.exec(sentence);
    if (!m) continue;
    const phrase = rule.responsible(m, sentence);
    if (phrase !== false) return { phrase: cleanPhrase(phrase) };
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
      previous.deadline ??= findDeadline(sentence, ctx.meetingDate ?? null);
    } else if (match) {
      found.push({
        text: withoutListGlue(sentence),
        responsible: resolveResponsible(match.phrase, sentence, ctx),
        deadline: findDeadline(sentence, ctx.meetingDate ?? null),
      });
    }
  }
  return found;
}

const TITLE_MAX = 140;

// A time phrase leading the task ("senast den 31 januari 2025 lämna ...",
// "i november 2025 redovisa ..."): the deadline has its own field.
const LEADING_TIME = rx(
  String.raw`^(?:(?:senast|före|innan)\s+(?:den\s+)?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+\p{L}+\s+\d{4})|(?:senast\s+)?(?:i|under|till)\s+(?:\p{L}+\s+)?(?:sammanträdet\s+i\s+)?\p{L}+\s+\d{4}|till\s+(?:\p{L}+\s+)?sammanträde(?:t)?\s+i\s+\p{L}+)\s+(?=\p{Ll})`,
);

// Where a long task may be cut and still read as a clause, strongest first.
const CLAUSE_BOUNDARIES = [/;\s/g, /,\s/g, /\s(?:samt|och\s+att|för\s+att|i\s+syfte\s+att|genom\s+att|så\s+att|med\s+beaktande)\s/g];

/**
 * Shortens a task to at most `max` characters at a clause boundary (a
 * semicolon, a comma, "samt", "för att"), never inside a word and never with
 * an ellipsis. A task without such a boundary is kept whole: a title must be
 * a clause, and the full text stays in the uppdrag.
 */
function shortenAtClause(text: string, max: number): string {
  if (text.length <= max) return text;
  for (const boundary of CLAUSE_BOUNDARIES) {
    let cut = -1;
    for (const m of text.matchAll(boundary)) if (m.index > max / 3 && m.index <= max) cut = m.index;
    if (cut !== -1) return text.slice(0, cut).replace(/[\s,;:]+$/, "");
  }
  return text;
}

// "Utbildningsförvaltningen återkommer med ..." → "Återkomma med ...".
const PRESENT_TO_INFINITIVE: Record<string, string> = {
  återkommer: "återkomma",
  återrapporterar: "återrapportera",
  redovisar: "redovisa",
  utreder: "utreda",
};

/** The task of an uppdrag, without who is asked: what follows "i uppdrag att", "ska ...", "för att ...". */
function taskOf(t: string): string {
  const given = rx(`(?:${B}i\\s+uppdrag\\s+att|${B}uppdra[rs]?\\s+(?:åt|till)\\s+.+?\\s+att|${B}uppdras\\s+att)\\s+(.+)$`).exec(t);
  if (given) return given[1];
  const referred = rx(`${B}återremitter\\p{L}*(?:\\s+ärendet)?(?:\\s+till\\s+.+?)?\\s+för\\s+att\\s+(.+)$`).exec(t);
  if (referred) {
    const first = referred[1].split(/(?<=[.!?])\s+/u)[0] ?? referred[1];
    // "för att säkerhetsavdelningen ska inhämta ..." → "inhämta ..."
    const own = rx(`^[^.]{2,60}?\\s+(?:ska|skall)\\s+(?!\\p{L}+as${E})(.+)$`).exec(first);
    if (own) return own[1];
    // "för att policyn ska kompletteras med ..." → "komplettera policyn med ..."
    const passive = rx(`^([^.]{2,60}?)\\s+(?:ska|skall)\\s+(\\p{L}+a)s${E}(.*)$`).exec(first);
    return passive ? `${passive[2]} ${passive[1]}${passive[3]}` : first;
  }
  const shall = rx(`${B}(?:ska|skall)\\s+((?:\\S+\\s+){0,6}?(?:${TASK_VERBS})${E}.*)$`).exec(t);
  if (shall) return shall[1];
  const present = rx(`${B}(återkommer|återrapporterar|redovisar|utreder)${E}(.*)$`).exec(t);
  if (present) return `${PRESENT_TO_INFINITIVE[present[1].toLowerCase()]}${present[2]}`;
  return t.replace(/^att\s+/i, "");
}

/**
 * A short title for a proposed uppdrag: what is to be done, without who is
 * asked or by when. "Ekonomiavdelningen får i uppdrag att ta fram en
 * åtgärdsplan." → "Ta fram en åtgärdsplan". A long task is shortened at a
 * clause boundary. The secretary can change it before saving.
 */
export function assignmentTitle(text: string): string {
  let t = taskOf(squash(stripListMarker(text)));
  t = (t.split(/(?<=[.!?])\s+/u)[0] ?? t).replace(/[.,;:]+$/, "").trim();
  t = t.replace(LEADING_TIME, "");
  t = shortenAtClause(t, TITLE_MAX);
  return t ? `${t[0].toLocaleUpperCase("sv")}${t.slice(1)}` : t;
}
