/*
 * Free text a person types into a ticket (description, result, note, reason,
 * comment). The api keeps line breaks and tabs but refuses any other control
 * character with 400; those are invisible in a textarea (a stray one comes in
 * with pasted text), so they are dropped here rather than refused there.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}
