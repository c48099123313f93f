export interface BreakerRow {
  key: string;
  state: 'closed' | 'open' | 'half_open';
  failures: number;
  open_until: Date | null;
}
