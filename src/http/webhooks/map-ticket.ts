import { AppError } from '../../errors/app-error.ts';
import type { TicketMapping } from './ticket-mappings.ts';

/** Read a dotted path (`task.tags[].name`) from a JSON value. */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    const spread = part.endsWith('[]');
    const key = spread ? part.slice(0, -2) : part;
    current =
      current !== null && typeof current === 'object'
        ? (current as Record<string, unknown>)[key]
        : undefined;
    if (spread) {
      const rest = path.slice(path.indexOf('[]') + 3);
      return Array.isArray(current)
        ? rest
          ? current.map((item) => readPath(item, rest))
          : current
        : undefined;
    }
  }
  return current;
}

const bullet = /^\s*(?:[-*•]|\d+[.)])\s+(.+)$/;

/** Ticket payload → `{ ticketId, input }` for the implementation workflow. */
export function mapTicket(source: string, mapping: TicketMapping, payload: unknown) {
  const title = readPath(payload, mapping.title);
  if (typeof title !== 'string' || !title.trim())
    throw new AppError(
      'VALIDATION_ERROR',
      `${source} webhook: expected a string at ${mapping.title}`,
      { field: mapping.title },
    );
  const description = readPath(payload, mapping.description);
  const text = typeof description === 'string' ? description : '';
  const bullets = text
    .split('\n')
    .map((line) => bullet.exec(line)?.[1]?.trim())
    .filter((l): l is string => Boolean(l));
  const requirements = bullets.length
    ? bullets
    : text.trim()
      ? [text.trim().slice(0, 2000)]
      : [title.trim()];
  const rawConstraints = mapping.constraints ? readPath(payload, mapping.constraints) : undefined;
  const constraints = Array.isArray(rawConstraints)
    ? rawConstraints.filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    : [];
  const id = readPath(payload, mapping.id);
  return {
    ticketId: id === undefined || id === null ? undefined : String(id),
    input: {
      request: title.trim().slice(0, 10_000),
      requirements: requirements.slice(0, 100),
      ...(constraints.length ? { constraints: constraints.slice(0, 100) } : {}),
      ...(mapping.approval && readPath(payload, mapping.approval) === true
        ? { approval: true }
        : {}),
    },
  };
}
