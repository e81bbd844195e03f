// RFC 3986 percent-encoding, as SigV4 canonicalises URI segments and query strings.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request

/** Every byte but the unreserved `A-Z a-z 0-9 - _ . ~` as `%XX` (upper-case hex). */
export function escapeUri(text: string): string {
  // encodeURIComponent leaves `!'()*` alone, which RFC 3986 reserves.
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
