/** What the screen at a hash path is about, for the quick log: an account, contact, deal or activity page. */
export type RouteTarget = { kind: 'account' | 'contact' | 'deal' | 'activity'; id: string } | null;

const PATTERNS: [RegExp, NonNullable<RouteTarget>['kind']][] = [
  [/^\/accounts\/([^/]+)(?:\/edit)?$/, 'account'],
  [/^\/contacts\/([^/]+)(?:\/edit)?$/, 'contact'],
  [/^\/pipeline\/([^/]+)(?:\/edit)?$/, 'deal'],
  [/^\/activities\/([^/]+)$/, 'activity'],
];

/** Parses a wouter location such as `/accounts/abc` (from `#/accounts/abc`); 'new' is not a document. */
export function routeTarget(path: string): RouteTarget {
  const clean = path.replace(/^#/, '').split('?')[0]!;
  for (const [re, kind] of PATTERNS) {
    const m = re.exec(clean);
    if (m && m[1] !== 'new') return { kind, id: decodeURIComponent(m[1]!) };
  }
  return null;
}
