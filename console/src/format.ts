import type { Lang } from './i18n';

/** Integer fen as yuan with two decimals (the API gives money in fen). */
export function yuanOfFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A figure or fact: money (a name ending in `Fen`) in yuan, anything else as text. */
export function figure(name: string, value: unknown): { name: string; text: string } {
  if (name.endsWith('Fen') && typeof value === 'number') return { name: `${name.slice(0, -3)} (¥)`, text: yuanOfFen(value) };
  return { name, text: value === null || value === undefined ? '—' : String(value) };
}

/** How long a case has waited, from seconds. */
export function age(seconds: number, lang: Lang): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts =
    lang === 'zh'
      ? [
          [days, '天'],
          [hours, '小时'],
          [minutes, '分'],
        ]
      : [
          [days, ' d'],
          [hours, ' h'],
          [minutes, ' min'],
        ];
  const shown = parts.filter(([value]) => Number(value) > 0).map(([value, unit]) => `${value}${unit}`);
  return shown.length ? shown.join(' ') : lang === 'zh' ? '不到 1 分' : 'under 1 min';
}
