/** Input that passed the schema but not a rule that needs the database; `field` names the form field. */
export class InvalidInputError extends Error {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "InvalidInputError";
  }
}

/** A refusal whose message is written for the user (Swedish); runAction shows it as it is. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}
