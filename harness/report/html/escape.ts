// Text that goes into the HTML page: escaped for markup, for <script> data blocks, and pretty-printed
// without recursion (a peer can send a frame nested deeper than any stack).

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as \u003c, so no text inside
 * (e.g. `</script>` in a frame) can end the block; U+2028/2029 are escaped for old parsers.
 * Only call it on flat harness-made values (maps of strings, arrays of numbers): JSON.stringify recurses.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Indents JSON text by scanning it once (no parse, no recursion): two spaces per level, a line per
 * member. Works on invalid JSON too (it only tracks strings and brackets). Output past `maxChars` is
 * cut with a note, so one 4 MB frame does not swell the page.
 */
export function prettyJsonText(raw: string, maxChars = 64 * 1024): string {
  const cut = (text: string): string =>
    (text.length > maxChars ? `${text.slice(0, maxChars)}\n… (cut: the frame is ${raw.length} characters; the whole frame is in the trace file)` : text);
  try {
    JSON.parse(raw); // V8 parses without recursion; text that is not JSON is shown as it came
  } catch {
    return cut(raw);
  }
  const out: string[] = [];
  let size = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  const indent = (): string => '\n' + '  '.repeat(Math.min(depth, 40));
  const push = (s: string): void => {
    out.push(s);
    size += s.length;
  };
  for (let i = 0; i < raw.length && size <= maxChars; i++) {
    const c = raw[i]!;
    if (inString) {
      push(c);
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    switch (c) {
      case '"':
        inString = true;
        push(c);
        break;
      case '{':
      case '[': {
        const close = c === '{' ? '}' : ']';
        let j = i + 1;
        while (j < raw.length && /\s/.test(raw[j]!)) j++;
        if (raw[j] === close) { // empty {} or [] stays on one line
          push(c + close);
          i = j;
        } else {
          depth++;
          push(c + indent());
        }
        break;
      }
      case '}':
      case ']':
        depth = Math.max(0, depth - 1);
        push(indent() + c);
        break;
      case ',':
        push(',' + indent());
        break;
      case ':':
        push(': ');
        break;
      default:
        if (!/\s/.test(c)) push(c);
    }
  }
  return cut(out.join(''));
}
