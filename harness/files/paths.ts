// Virtual paths shared by the HTTP and FTP servers: one file registered once is reachable by both.
// Paths are absolute, '/'-separated, without '.', '..' or empty segments; nothing touches the disk.

/** `base` joined with `relative` (absolute when `relative` starts with '/'), normalised. */
export function resolvePath(base: string, relative: string): string {
  const start = relative.startsWith('/') ? [] : segments(base);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') start.pop(); // '..' at the root stays at the root, like a real FTP server
    else start.push(part);
  }
  return '/' + start.join('/');
}

export function normalizePath(path: string): string {
  return resolvePath('/', path);
}

/** The path of an HTTP request target: query dropped, percent-decoding applied where it is valid. */
export function pathOfRequestTarget(target: string): string {
  const raw = target.split(/[?#]/, 1)[0] ?? '/';
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a malformed escape: keep the raw text, the path is then matched as received
  }
  return normalizePath(decoded);
}

export function basename(path: string): string {
  return segments(path).pop() ?? '';
}

export function dirname(path: string): string {
  const parts = segments(path);
  parts.pop();
  return '/' + parts.join('/');
}

/**
 * Whether a refusal rule covers a path: a rule ending in '/' covers everything beneath that
 * directory ('/' covers everything); any other rule covers exactly that path.
 */
export function ruleCovers(rule: string, path: string): boolean {
  if (rule.endsWith('/')) {
    const dir = normalizePath(rule);
    return dir === '/' || path === dir || path.startsWith(dir + '/');
  }
  return normalizePath(rule) === path;
}

function segments(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}
