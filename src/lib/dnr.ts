/**
 * Diarienummer are free text ("2020/000053 000", "2018.303 KS", "KS 2020/123").
 * The key drops case and separators so "ks 2020-123" finds "KS 2020/123".
 */
export function dnrKey(dnr: string | null | undefined): string | null {
  if (!dnr) return null;
  const key = dnr.toLowerCase().replace(/[^0-9a-zåäö]/g, "");
  return key || null;
}
