/** A refusal whose message is written for the user (Swedish); runAction shows it as it is. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}
