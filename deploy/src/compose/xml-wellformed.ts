/**
 * A small well-formedness check for the ClickHouse XML config files (no
 * parser ships with the repo): tags balance and nest, attributes are quoted.
 * Returns the first problem, or undefined.
 */
export function xmlProblem(xml: string): string | undefined {
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>') return `stray "${m[0]}" at offset ${m.index}`;
    const [, closing, name = '', , selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return `</${name}> does not close the open element at offset ${m.index}`;
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1) ?? ''}>`;
  if (!/^\s*<clickhouse>[\s\S]*<\/clickhouse>\s*$/.test(body)) return 'the root element is not <clickhouse>';
  return undefined;
}
