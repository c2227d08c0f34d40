/** Options for {@link parseProtocol}. */
export interface ParseOptions {
  /**
   * The municipality's administrative units ("Kommunledningskontoret",
   * "Administrativa avdelningen"). When given, a responsible unit found in a
   * decision is reported with the spelling used here.
   */
  units?: string[];
}

/** The meeting (sammanträde) the minutes record. */
export interface ParsedMeeting {
  /** The deciding body, e.g. "Kommunstyrelsens arbetsutskott". */
  body: string | null;
  /** Meeting date as YYYY-MM-DD. */
  date: string | null;
  /** Where the meeting was held, e.g. "Tunasalen". */
  place: string | null;
  /** "13:00" */
  startTime?: string | null;
  /** "17:00" */
  endTime?: string | null;
  /** "Datum då anslaget sätts upp", YYYY-MM-DD. */
  postedFrom?: string | null;
  /** "Datum då anslaget tas ned", YYYY-MM-DD. */
  postedUntil?: string | null;
}

/** An uppdrag proposed from a decision; a secretary confirms it. */
export interface ParsedAssignment {
  /** The sentence (or list item) that gives the uppdrag. */
  text: string;
  /** The responsible unit as named in the decision, or from ParseOptions.units. */
  responsible: string | null;
  /** "senast den 30 juni 2022" as YYYY-MM-DD, when the sentence names a full date. */
  deadline: string | null;
}

/** One paragraph (§) of the minutes. */
export interface ParsedParagraph {
  number: number;
  /** The diarienummer exactly as written, without the "Dnr" prefix and without the ärendeklass. */
  dnr: string | null;
  /**
   * The municipality's ärendeklass written after the Dnr ("KS 2024/00744 1.1.2"
   * → "1.1.2"), kept apart from the Dnr; null when none is written.
   */
  dnrClass: string | null;
  title: string;
  /** The decision text; lines separated by "\n". */
  decision: string;
  /**
   * "Kommunstyrelsens förslag till kommunfullmäktige": the decision proposed to
   * the council. It gives no uppdrag of this meeting; null when there is none.
   */
  proposalToCouncil: string | null;
  /** Beslutsunderlag, one document per entry. */
  basis: string[];
  /** "Beslutet skickas till" / "Expedieras till", one recipient per entry. */
  sentTo: string[];
  assignments: ParsedAssignment[];
}

export interface ParsedProtocol {
  meeting: ParsedMeeting;
  paragraphs: ParsedParagraph[];
}
