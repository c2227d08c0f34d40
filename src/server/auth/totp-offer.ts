// What the enrolment form shows: a new secret as a QR code (an SVG drawn here,
// on the server: nothing is fetched), the same secret as text for manual entry
// and screen readers, and the sealed token the form sends back with the code.
import "server-only";
import QRCode from "qrcode";
import { enrolmentToken, groupedSecret, newTotpSecret, totpUri, twoFactorKey, TOTP_DIGITS, TOTP_ISSUER, TOTP_PERIOD } from "./totp";

export interface EnrolmentOffer {
  /** The QR code of the otpauth:// address, as a data: URL (img-src allows data:). */
  qr: string;
  /** The secret in groups of four, for typing into the app by hand. */
  secret: string;
  issuer: string;
  account: string;
  digits: number;
  period: number;
  /** The sealed secret the form sends back (totp.ts enrolmentToken). */
  enrolment: string;
}

export async function enrolmentOffer(user: { id: string; email: string }, now = new Date()): Promise<EnrolmentOffer> {
  const secret = newTotpSecret();
  const svg = await QRCode.toString(totpUri(secret, user.email), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    secret: groupedSecret(secret),
    issuer: TOTP_ISSUER,
    account: user.email,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD,
    enrolment: enrolmentToken(user.id, secret, twoFactorKey(), now),
  };
}
