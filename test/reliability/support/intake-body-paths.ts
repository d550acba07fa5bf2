/** Paths into an application body, and copies of a body with one path changed. */

export type Path = (string | number)[];

export const ROOT_FIELDS = ['program', 'regionCode', 'applicationDate', 'members'];
export const MEMBER_FIELDS = ['name', 'idNumber', 'relationship', 'declaredMonthlyIncome', 'consent'];
export const CONSENT_FIELDS = ['documentRef', 'signedOn', 'signedBy'];

/** A path in the request body's own terms, as the service names it: `members[1].consent.signedOn`. */
export function formatPath(path: Path): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    '',
  );
}

export function get(body: any, path: Path): any {
  return path.reduce((value, segment) => value?.[segment], body);
}

/** A copy of `body` with `value` at `path` (the empty path: `value` itself). */
export function set(body: any, path: Path, value: unknown): any {
  if (path.length === 0) return value;
  const copy = structuredClone(body);
  get(copy, path.slice(0, -1))[path.at(-1)!] = value;
  return copy;
}

/** A copy of `body` without the field at `path`. */
export function remove(body: any, path: Path): any {
  const copy = structuredClone(body);
  delete get(copy, path.slice(0, -1))[path.at(-1)!];
  return copy;
}

/** The scalar fields, the objects (the body itself, each member, each consent) and everything with the members array, of a valid body. */
export function pathsOf(body: any): { scalars: Path[]; objects: Path[]; all: Path[] } {
  const members: Path[] = body.members.map((_: unknown, i: number) => ['members', i]);
  const scalars: Path[] = [
    ...ROOT_FIELDS.filter((field) => field !== 'members' && field in body).map((field) => [field]),
    ...members.flatMap((member) => [
      ...MEMBER_FIELDS.filter((field) => field !== 'consent').map((field) => [...member, field]),
      ...CONSENT_FIELDS.map((field) => [...member, 'consent', field]),
    ]),
  ];
  const objects: Path[] = [[], ...members, ...members.map((member) => [...member, 'consent'])];
  return { scalars, objects, all: [...scalars, ...objects, ['members']] };
}
