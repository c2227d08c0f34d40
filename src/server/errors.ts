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
