/**
 * `multipart/form-data` bodies as @clickhouse/client sends them when query
 * parameters are too long for the URL (`use_multipart_params`): one part per
 * field (`query`, `param_<name>`), text only. Returns the fields, or
 * undefined when the content type is not multipart.
 */
export function parseMultipartFields(contentType: string, body: string): Map<string, string> | undefined {
  const boundary = /^multipart\/form-data;.*\bboundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const fields = new Map<string, string>();
  for (const part of body.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const name = /name="([^"]+)"/.exec(part.slice(0, headerEnd))?.[1];
    // The value ends with the CRLF that precedes the next delimiter.
    if (name) fields.set(name, part.slice(headerEnd + 4).replace(/\r\n$/, ''));
  }
  return fields;
}
