import { ApiError } from './api/client';
import { useI18n } from './i18n';

/** A refusal or failure, in words taken from the API's problem+json. */
export function ErrorMessage({ error, message }: { error?: unknown; message?: string }) {
  const { t } = useI18n();
  if (!error && !message) return null;
  let text = message ?? '';
  if (error instanceof ApiError) {
    text = error.problem ? `${error.problem.title}: ${error.problem.detail}` : `HTTP ${error.status}`;
    const fields = error.problem?.errors ?? [];
    if (fields.length) text += ` (${fields.map((field) => `${field.path}: ${field.message}`).join('; ')})`;
  } else if (error) {
    text = String((error as Error).message ?? error);
  }
  return (
    <div className="error" role="alert">
      <strong>{t('error')}</strong> {text}
    </div>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

/** Previous and next page by the API's cursor: `cursors` holds those of the pages up to the one shown (the first page's is null). */
export function Pager({
  cursors,
  setCursors,
  nextCursor,
}: {
  cursors: (string | null)[];
  setCursors: (cursors: (string | null)[]) => void;
  nextCursor?: string | null;
}) {
  const { t } = useI18n();
  return (
    <div className="pager">
      <button type="button" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
        {t('previousPage')}
      </button>
      <button type="button" disabled={!nextCursor} onClick={() => nextCursor && setCursors([...cursors, nextCursor])}>
        {t('nextPage')}
      </button>
    </div>
  );
}
