import { type FormEvent, useEffect, useState } from 'react';
import { api, type AuditCheckpoint, type AuditEventPage, type ChainStatus, query, type Schemas } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorMessage, Pager } from '../ui';

type AuditAction = Schemas['AuditAction'];

/** Every action an event may name, for the filter: the API's own list (a missing one fails the type check below). */
const ACTIONS = [
  'APPLICATION_SUBMITTED',
  'APPLICATION_READ',
  'APPLICATIONS_LISTED',
  'ID_NUMBER_REVEALED',
  'VERIFICATION_REQUESTED',
  'REGISTRY_CONSULTED',
  'DETERMINATION_MADE',
  'VERIFICATION_FAILED',
  'REVIEWS_LISTED',
  'REVIEW_REQUESTED',
  'REVIEW_CLAIMED',
  'DECISION_RECORDED',
  'REVIEW_RETURNED',
  'REVERIFICATION_RUN_STARTED',
  'REVERIFICATION_RUN_SELECTED',
  'REVERIFICATION_RUN_READ',
  'AUDIT_READ',
  'SESSION_READ',
  'REQUEST_REFUSED',
] as const satisfies readonly AuditAction[];
/** The API's AuditAction type (generated from its OpenAPI document) names no action the list above lacks. */
const EVERY_ACTION_LISTED: Exclude<AuditAction, (typeof ACTIONS)[number]> extends never ? true : never = true;
void EVERY_ACTION_LISTED;

/** A `datetime-local` value, read as Asia/Shanghai time. */
const shanghai = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : undefined);

/** One application's trail, or the whole log by actor, action and time; and the chain's status. */
export function AuditPage({ token, applicationId }: { token: string; applicationId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form, setForm] = useState({ actor: '', action: '', from: '', to: '' });
  const [filters, setFilters] = useState(form);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<AuditEventPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = cursors.at(-1) ?? null;

  useEffect(() => {
    let live = true;
    const parameters = {
      applicationId,
      actor: filters.actor.trim(),
      action: filters.action,
      from: shanghai(filters.from),
      to: shanghai(filters.to),
      cursor,
      limit: 50,
    };
    setError(null);
    api<AuditEventPage>(token, 'GET', `/v1/audit-events${query(parameters)}`).then(
      (answer) => live && setPage(answer),
      (failure) => live && (setError(failure), setPage(null)),
    );
    return () => {
      live = false;
    };
  }, [token, applicationId, filters, cursor]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setCursors([null]);
    setFilters(form);
  };
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">
        {applicationId ? (
          <>
            {t('auditTrail')} <code>{applicationId}</code>
          </>
        ) : (
          t('auditTitle')
        )}
      </h1>
      {applicationId && (
        <p>
          <a href={`#/cases/${applicationId}`}>{t('caseTitle')}</a> · <a href="#/audit">{t('auditTitle')}</a>
        </p>
      )}
      <ChainStatusPanel token={token} />
      <form className="filters" onSubmit={search} aria-label={t('filters')}>
        <label>
          {t('actor')}
          <input {...field('actor')} />
        </label>
        <label>
          {t('action')}
          <select {...field('action')}>
            <option value="">{t('anyAction')}</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('from')}
          <input type="datetime-local" step={1} {...field('from')} />
        </label>
        <label>
          {t('to')}
          <input type="datetime-local" step={1} {...field('to')} />
        </label>
        <button type="submit">{t('search')}</button>
      </form>
      <ErrorMessage error={error} />
      {page && page.items.length === 0 && <p role="status">{t('noEvents')}</p>}
      {page && page.items.length > 0 && (
        <table className="audit">
          <caption>{applicationId ? t('auditTrail') : t('auditTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('result')}</th>
              {!applicationId && <th scope="col">{t('applicationId')}</th>}
              <th scope="col">{t('correlationId')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((event) => (
              <tr key={event.sequence}>
                <td>{event.sequence}</td>
                <td>{i18n.dateTime(event.at)}</td>
                <td>{event.actor}</td>
                <td>{event.role}</td>
                <td>{event.action}</td>
                <td className="mono">{event.outcome}</td>
                {!applicationId && (
                  <td className="mono">
                    {event.applicationId ? <a href={`#/audit/${event.applicationId}`}>{event.applicationId}</a> : '—'}
                  </td>
                )}
                <td className="mono">{event.correlationId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager cursors={cursors} setCursors={setCursors} nextCursor={page?.nextCursor} />
    </section>
  );
}

/** The chain verified against the newest signed checkpoint: up to which event, against which signature. */
function ChainStatusPanel({ token }: { token: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<{ chain: ChainStatus; checkpoint: AuditCheckpoint | null } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    (async () => {
      const checkpoint = await api<AuditCheckpoint>(token, 'GET', '/v1/audit-events/checkpoint').catch((failure: { status?: number }) => {
        if (failure.status === 404) return null;
        throw failure;
      });
      const chain = await api<ChainStatus>(token, 'GET', `/v1/audit-events/verify${query({ checkpoint: checkpoint?.checkpoint })}`);
      setStatus({ chain, checkpoint });
    })().catch(setError);
  }, [token]);

  return (
    <section aria-labelledby="chain-title" className="card">
      <h2 id="chain-title">{t('chainTitle')}</h2>
      <ErrorMessage error={error} />
      {!status && !error && <p role="status">{t('loading')}</p>}
      {status && (
        <dl className="summary" data-testid="chain-status">
          <dt>{t('status')}</dt>
          <dd className={status.chain.valid ? 'ok' : 'bad'}>
            {status.chain.valid
              ? t('chainValid', { sequence: status.chain.events })
              : t('chainBroken', { sequence: status.chain.firstBadSequence })}
          </dd>
          <dt>{t('checkpoint')}</dt>
          <dd>
            {status.checkpoint
              ? t('checkpointOf', {
                  sequence: status.checkpoint.payload.sequence,
                  at: i18n.dateTime(status.checkpoint.payload.at),
                  kid: status.checkpoint.kid,
                })
              : t('noCheckpoint')}
            {status.checkpoint && <> · {status.chain.valid ? t('checkpointHeld') : t('checkpointNotHeld')}</>}
          </dd>
        </dl>
      )}
    </section>
  );
}
