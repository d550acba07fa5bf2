import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type Application, api, type Schemas, type Session } from '../api/client';
import { figure } from '../format';
import { FACT_LABELS, FINDING_LABELS, OUTCOME_LABELS, PROGRAM_LABELS, SEVERITY_LABELS, useI18n } from '../i18n';
import { ErrorMessage, Notice } from '../ui';

type Finding = Schemas['Finding'];

/** One application: members (identity numbers masked), checks, findings, facts, decisions, and the reviewer's actions. */
export function CasePage({ token, session, id }: { token: string; session: Session; id: string }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const [application, setApplication] = useState<Application | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    () => api<Application>(token, 'GET', `/v1/applications/${encodeURIComponent(id)}?idNumbers=masked`),
    [token, id],
  );

  useEffect(() => {
    load().then(setApplication, setError);
  }, [load]);

  if (!application) return error ? <ErrorMessage error={error} /> : <p role="status">{t('loading')}</p>;
  const { determination } = application;
  const reviewer = session.roles.includes('reviewer') || session.roles.includes('admin');
  const auditor = session.roles.includes('auditor') || session.roles.includes('admin');

  return (
    <article aria-labelledby="case-title">
      <h1 id="case-title">
        {t('caseTitle')} <code>{application.id}</code>
      </h1>
      <dl className="summary">
        <dt>{t('status')}</dt>
        <dd data-testid="case-status">{application.status}</dd>
        <dt>{t('program')}</dt>
        <dd>{label(PROGRAM_LABELS[application.program], application.program)}</dd>
        <dt>{t('regionCode')}</dt>
        <dd>{application.regionCode}</dd>
        <dt>{t('applicationDate')}</dt>
        <dd>{application.applicationDate}</dd>
        <dt>{t('submittedBy')}</dt>
        <dd>{application.submittedBy}</dd>
      </dl>
      {auditor && (
        <p>
          <a href={`#/audit/${application.id}`}>{t('auditTrail')}</a>
        </p>
      )}

      {reviewer && <Actions token={token} application={application} onChanged={setApplication} reload={load} />}

      <Members token={token} application={application} />

      <section aria-labelledby="checks-title">
        <h2 id="checks-title">{t('checks')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('attempts')}</th>
              <th scope="col">{t('time')}</th>
              <th scope="col">{t('requestIds')}</th>
              <th scope="col">{t('evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {application.checks.map((check) => (
              <tr key={check.source}>
                <td>{check.source}</td>
                <td>
                  {check.status}
                  {check.failure ? ` (${check.failure})` : ''}
                </td>
                <td>{check.attempts}</td>
                <td>
                  {i18n.dateTime(check.finishedAt ?? check.startedAt)}
                  {check.durationMs !== null ? ` · ${check.durationMs} ms` : ''}
                </td>
                <td className="mono">{check.requestIds.join(', ')}</td>
                <td className="mono">
                  {check.answerSha256 ? `SHA-256 ${check.answerSha256.slice(0, 16)}…` : '—'}
                  <ul className="codes">
                    {(determination?.findings ?? [])
                      .flatMap((finding) => finding.evidence)
                      .filter((item) => item.source === check.source)
                      .map((item, index) => (
                        <li key={index}>{item.recordKey}</li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="determination-title">
        <h2 id="determination-title">
          {t('outcome')}: {determination ? label(OUTCOME_LABELS[determination.outcome], determination.outcome) : '—'}
        </h2>
        {!determination && <p>{t('noDetermination')}</p>}
        {determination && (
          <>
            <dl className="summary">
              <dt>{t('policyVersion')}</dt>
              <dd>{determination.policyVersion}</dd>
              <dt>{t('determinedAt')}</dt>
              <dd data-testid="determined-at">{i18n.dateTime(determination.determinedAt)}</dd>
            </dl>
            <Findings findings={determination.findings} members={application.members} />
            <h3>{t('facts')}</h3>
            <dl className="facts">
              {Object.entries(determination.facts).map(([name, value]) => {
                const shown = figure(name, value);
                return (
                  <div key={name}>
                    <dt>{label(FACT_LABELS[name], shown.name)}</dt>
                    <dd>{typeof value === 'boolean' ? t(value ? 'yes' : 'no') : shown.text}</dd>
                  </div>
                );
              })}
            </dl>
          </>
        )}
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('decisions')}</h2>
        {application.decisions.length === 0 ? (
          <p>{t('noDecisions')}</p>
        ) : (
          <ol className="decisions">
            {application.decisions.map((decision, index) => (
              <li key={index}>
                <strong>{decision.decision === 'APPROVED' ? t('approve') : t('reject')}</strong> · {t('decidedBy')} {decision.decidedBy} ·{' '}
                {i18n.dateTime(decision.decidedAt)}
                <p className="reason">{decision.reason}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

function Members({ token, application }: { token: string; application: Application }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const reveal = (index: number) =>
    api<Schemas['RevealedIdNumber']>(token, 'GET', `/v1/applications/${application.id}/members/${index}/id-number`).then(
      (answer) => setRevealed((shown) => ({ ...shown, [index]: answer.idNumber })),
      setError,
    );
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('members')}</h2>
      <ErrorMessage error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('idNumber')}</th>
            <th scope="col">{t('relationship')}</th>
            <th scope="col">{t('declaredIncome')}</th>
          </tr>
        </thead>
        <tbody>
          {application.members.map((member, index) => (
            <tr key={index}>
              <td data-testid="member-name">{member.name}</td>
              <td className="mono">
                <span data-testid="member-id">{revealed[index] ?? member.idNumber}</span>{' '}
                {revealed[index] === undefined && (
                  <button type="button" className="small" aria-label={`${t('revealLabel')}${member.name}`} onClick={() => reveal(index)}>
                    {t('reveal')}
                  </button>
                )}
              </td>
              <td>{member.relationship}</td>
              <td>{member.declaredMonthlyIncome.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Findings({ findings, members }: { findings: Finding[]; members: Application['members'] }) {
  const { t, label } = useI18n();
  if (findings.length === 0) return null;
  const nameOf = (idNumber: string | null) => members.find((member) => member.idNumber === idNumber)?.name;
  return (
    <table className="findings">
      <caption>{t('findings')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('findings')}</th>
          <th scope="col">{t('severity')}</th>
          <th scope="col">{t('member')}</th>
          <th scope="col">{t('reason')}</th>
          <th scope="col">{t('figures')}</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding, index) => (
          <tr key={index}>
            <td>
              <code>{finding.code}</code> {label(FINDING_LABELS[finding.code], finding.code)}
            </td>
            <td>{label(SEVERITY_LABELS[finding.severity], finding.severity)}</td>
            <td className="mono">
              {finding.memberIdNumber ?? finding.source ?? '—'}
              {nameOf(finding.memberIdNumber) ? ` (${nameOf(finding.memberIdNumber)})` : ''}
            </td>
            <td>{finding.reason}</td>
            <td>
              <dl className="figures">
                {Object.entries(finding.figures).map(([name, value]) => {
                  const shown = figure(name, value);
                  return (
                    <div key={name}>
                      <dt>{shown.name}</dt>
                      <dd>{shown.text}</dd>
                    </div>
                  );
                })}
              </dl>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Claim, decide, send back, pull in: each as the API allows it; a refusal shows the API's own words. */
function Actions({
  token,
  application,
  onChanged,
  reload,
}: {
  token: string;
  application: Application;
  onChanged(application: Application): void;
  reload(): Promise<Application>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [decision, setDecision] = useState<'APPROVED' | 'REJECTED'>('APPROVED');
  const [reason, setReason] = useState('');
  const [pullReason, setPullReason] = useState('');
  const [busy, setBusy] = useState(false);
  const path = `/v1/reviews/${application.id}`;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const claim = () =>
    run(async () => {
      const answer = await api<Schemas['Claim']>(token, 'POST', `${path}/claim`);
      return `${t('claimed')} ${i18n.dateTime(answer.claimExpiresAt)}`;
    });
  const decide = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await api(token, 'POST', `${path}/decision`, { decision, reason });
      onChanged(await reload());
      return t('decisionDone');
    });
  };
  const reverify = () =>
    run(async () => {
      const accepted = await api<Schemas['ReverificationAccepted']>(token, 'POST', `${path}/reverify`);
      setNotice(t('reverifyWaiting'));
      for (let tries = 0; tries < 120; tries++) {
        const current = await reload();
        if (current.determination?.verificationId === accepted.verificationId) {
          onChanged(current);
          return `${t('reverifyDone')}${i18n.label(OUTCOME_LABELS[current.determination.outcome], current.determination.outcome)} (${current.status})`;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return t('reverifyWaiting');
    });
  const pull = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await api(token, 'POST', '/v1/reviews', { applicationId: application.id, reason: pullReason });
      onChanged(await reload());
      return t('pullDone');
    });
  };

  return (
    <section aria-labelledby="actions-title" className="card">
      <h2 id="actions-title">{t('actions')}</h2>
      <ErrorMessage error={error} />
      {notice && <Notice>{notice}</Notice>}
      {application.status === 'IN_REVIEW' && (
        <>
          <div className="row">
            <button type="button" onClick={claim} disabled={busy}>
              {t('claimAction')}
            </button>
            <button type="button" onClick={reverify} disabled={busy}>
              {t('reverify')}
            </button>
          </div>
          <form onSubmit={decide} aria-labelledby="decide-title">
            <h3 id="decide-title">{t('decide')}</h3>
            <fieldset>
              <legend>{t('decide')}</legend>
              <label>
                <input
                  type="radio"
                  name="decision"
                  value="APPROVED"
                  checked={decision === 'APPROVED'}
                  onChange={() => setDecision('APPROVED')}
                />
                {t('approve')}
              </label>
              <label>
                <input
                  type="radio"
                  name="decision"
                  value="REJECTED"
                  checked={decision === 'REJECTED'}
                  onChange={() => setDecision('REJECTED')}
                />
                {t('reject')}
              </label>
            </fieldset>
            <label htmlFor="decision-reason">{t('decisionReason')}</label>
            <textarea id="decision-reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
            <button type="submit" disabled={busy}>
              {t('submitDecision')}
            </button>
          </form>
        </>
      )}
      {application.status === 'DETERMINED' && (
        <form onSubmit={pull}>
          <label htmlFor="pull-reason">{t('pullReason')}</label>
          <textarea id="pull-reason" rows={2} value={pullReason} onChange={(event) => setPullReason(event.target.value)} />
          <button type="submit" disabled={busy}>
            {t('pull')}
          </button>
        </form>
      )}
      {(application.status === 'DETERMINED' || application.status === 'DECIDED') && (
        // A settled case may be verified again (a decision stays in force until a reviewer decides again).
        <div className="row">
          <button type="button" onClick={reverify} disabled={busy}>
            {t('reverify')}
          </button>
        </div>
      )}
    </section>
  );
}
