import { type FormEvent, useEffect, useState } from 'react';
import { api, query, type ReviewPage, type Schemas } from '../api/client';
import { age } from '../format';
import { FINDING_LABELS, OUTCOME_LABELS, PROGRAM_LABELS, useI18n } from '../i18n';
import { ErrorMessage, Pager } from '../ui';

const PROGRAMS = Object.keys(PROGRAM_LABELS) as Schemas['Program'][];

/** The review queue, oldest first, filtered by programme and region, paged by the API's cursor. */
export function QueuePage({ token }: { token: string }) {
  const i18n = useI18n();
  const { t, label, lang } = i18n;
  const [program, setProgram] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [filters, setFilters] = useState({ program: '', regionCode: '' });
  /** The cursors of the pages before the one shown (the first page's is null). */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<ReviewPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = cursors.at(-1) ?? null;

  useEffect(() => {
    let live = true;
    setError(null);
    api<ReviewPage>(token, 'GET', `/v1/reviews${query({ status: 'PENDING', ...filters, cursor, limit: 20 })}`).then(
      (answer) => live && setPage(answer),
      (failure) => live && (setError(failure), setPage(null)),
    );
    return () => {
      live = false;
    };
  }, [token, filters, cursor]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setCursors([null]);
    setFilters({ program, regionCode: regionCode.trim() });
  };

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('queueTitle')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('filters')}>
        <label>
          {t('program')}
          <select name="program" value={program} onChange={(event) => setProgram(event.target.value)}>
            <option value="">{t('anyProgram')}</option>
            {PROGRAMS.map((code) => (
              <option key={code} value={code}>
                {label(PROGRAM_LABELS[code], code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('regionCode')}
          <input
            name="regionCode"
            inputMode="numeric"
            pattern="\d{6}"
            maxLength={6}
            value={regionCode}
            onChange={(event) => setRegionCode(event.target.value)}
          />
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      <ErrorMessage error={error} />
      {page && page.items.length === 0 && <p role="status">{t('emptyQueue')}</p>}
      {page && page.items.length > 0 && (
        <table className="queue">
          <caption>{t('queueTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('age')}</th>
              <th scope="col">{t('program')}</th>
              <th scope="col">{t('regionCode')}</th>
              <th scope="col">{t('outcome')}</th>
              <th scope="col">{t('findings')}</th>
              <th scope="col">{t('claim')}</th>
              <th scope="col">{t('caseTitle')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.applicationId} data-application={item.applicationId}>
                <td>{age(item.ageSeconds, lang)}</td>
                <td>{label(PROGRAM_LABELS[item.program], item.program)}</td>
                <td>{item.regionCode}</td>
                <td>{item.outcome ? label(OUTCOME_LABELS[item.outcome], item.outcome) : item.origin}</td>
                <td>
                  <ul className="codes">
                    {item.findingCodes.map((code) => (
                      <li key={code}>
                        <code>{code}</code> {label(FINDING_LABELS[code], code)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="claim">
                  {item.claimedBy
                    ? `${t('claimedBy')} ${item.claimedBy} ${t('until')} ${i18n.dateTime(item.claimExpiresAt)}`
                    : t('unclaimed')}
                </td>
                <td>
                  <a href={`#/cases/${item.applicationId}`} aria-label={`${t('open')} ${item.applicationId}`}>
                    {t('open')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager cursors={cursors} setCursors={setCursors} nextCursor={page?.nextCursor} />
    </section>
  );
}
