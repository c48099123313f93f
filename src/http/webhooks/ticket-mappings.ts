/**
 * How a tracker's ticket payload becomes an implementation-workflow input (seed 004's integration
 * example). Data, not code: add a tracker by adding an entry. Paths are dotted; `[]` maps over arrays.
 */
export interface TicketMapping {
  /** Stable id of the ticket, used as the run's idempotency key. */
  id: string;
  /** Becomes `request`. */
  title: string;
  /** Free text whose bullet or numbered lines become `requirements` (the whole text when it has none). */
  description: string;
  /** Optional array of strings that becomes `constraints`. */
  constraints?: string;
  /** Optional boolean path: ask for human approval before implementing. */
  approval?: string;
}

export const ticketMappings: Record<string, TicketMapping> = {
  zendesk: {
    id: 'ticket.id',
    title: 'ticket.subject',
    description: 'ticket.description',
    constraints: 'ticket.tags',
  },
  clickup: {
    id: 'task.id',
    title: 'task.name',
    description: 'task.text_content',
    constraints: 'task.tags[].name',
  },
};
