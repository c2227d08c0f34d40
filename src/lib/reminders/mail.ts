// The digest as an e-mail: Swedish plain text and simple HTML, every item
// linking to its page, and a link to where the person chooses what they get.
import { formatDate } from "@/lib/dates";
import { RULE_HEADING, REMINDER_RULES, type DigestItem } from "./rules";

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The page of an item, under the app's public address. */
export function itemUrl(baseUrl: string, item: Pick<DigestItem, "kind" | "recordId">): string {
  const base = baseUrl.replace(/\/$/, "");
  return `${base}/${item.kind === "motion" ? "motioner" : "uppdrag"}/${item.recordId}`;
}

const weekNumber = (week: string) => Number(week.slice(-2));

function dateLine(item: DigestItem): string | null {
  if (!item.date) return null;
  const d = new Date(`${item.date}T00:00:00Z`);
  switch (item.rule) {
    case "DEADLINE_NEAR":
    case "DEADLINE_PASSED":
      return `Planerat klart eller sista dag: ${formatDate(d)}`;
    case "SILENT":
      return `Senaste status: ${formatDate(d)}`;
    case "REPORT_CUTOFF":
      return `Redovisas per ${formatDate(d)}`;
    case "MOTION_YEAR":
      return `Ett år sedan den väcktes: ${formatDate(d)}`;
    case "FOLLOWED_CHANGED":
      return `Ändrad ${formatDate(d)}`;
  }
}

export function renderDigest(o: { name: string; municipalityName: string; week: string; items: DigestItem[]; baseUrl: string }): DigestMail {
  const subject = `Påminnelser från Uppdragskollen, vecka ${weekNumber(o.week)}: ${o.items.length} ${o.items.length === 1 ? "sak" : "saker"} att se över`;
  const settings = `${o.baseUrl.replace(/\/$/, "")}/konto#paminnelser`;
  const sections = REMINDER_RULES.map((rule) => ({ rule, items: o.items.filter((i) => i.rule === rule) })).filter((s) => s.items.length);
  // The headings in the digest's own order (planDigests sorts the items).
  sections.sort((a, b) => o.items.indexOf(a.items[0]) - o.items.indexOf(b.items[0]));

  const text = [
    `Hej ${o.name}!`,
    "",
    `Här är veckans påminnelser från Uppdragskollen för ${o.municipalityName}.`,
    ...sections.flatMap((s) => [
      "",
      RULE_HEADING[s.rule],
      "-".repeat(RULE_HEADING[s.rule].length),
      ...s.items.flatMap((i) => [`* ${i.title}`, ...[dateLine(i), i.detail].filter((x): x is string => !!x).map((x) => `  ${x}`), `  ${itemUrl(o.baseUrl, i)}`]),
    ]),
    "",
    `Du väljer vilka påminnelser du får under Mitt konto: ${settings}`,
    "",
  ].join("\n");

  const html = [
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family: system-ui, sans-serif; color: #1a1a1a; line-height: 1.5">`,
    `<p>Hej ${escapeHtml(o.name)}!</p>`,
    `<p>Här är veckans påminnelser från Uppdragskollen för ${escapeHtml(o.municipalityName)}.</p>`,
    ...sections.flatMap((s) => [
      `<h2 style="font-size: 1.1em">${escapeHtml(RULE_HEADING[s.rule])}</h2>`,
      "<ul>",
      ...s.items.map(
        (i) =>
          `<li><a href="${escapeHtml(itemUrl(o.baseUrl, i))}">${escapeHtml(i.title)}</a>${[dateLine(i), i.detail]
            .filter((x): x is string => !!x)
            .map((x) => `<br>${escapeHtml(x)}`)
            .join("")}</li>`,
      ),
      "</ul>",
    ]),
    `<p>Du väljer vilka påminnelser du får under <a href="${escapeHtml(settings)}">Mitt konto</a>.</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
