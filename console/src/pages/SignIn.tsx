import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n';
import { ErrorMessage } from '../ui';

export function SignIn({ onSignIn, error }: { onSignIn(token: string): void; error: unknown }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSignIn(value.trim());
  };
  return (
    <section aria-labelledby="sign-in-title" className="card narrow">
      <h1 id="sign-in-title">{t('signInTitle')}</h1>
      <p id="sign-in-help">{t('signInHelp')}</p>
      <ErrorMessage error={error} />
      <form onSubmit={submit}>
        <label htmlFor="token">{t('tokenLabel')}</label>
        <textarea
          id="token"
          name="token"
          rows={4}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="sign-in-help"
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit">{t('signIn')}</button>
      </form>
    </section>
  );
}
