// Admins connect a brand account to the team: the sign-in goes through main to the team server, which checks
// it with the network and keeps it encrypted. The password or token field is cleared after every attempt
// (it is never kept on this screen); the server, handle and network stay as typed.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../../src-shared/contract/errors.ts';
import { useServices } from '../../../../app-context.tsx';
import { TeamProblem } from '../team-problem.tsx';

export function ConnectBrandForm({ onConnected }: { onConnected: () => void }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [network, setNetwork] = useState<'bluesky' | 'mastodon'>('bluesky');
  const [server, setServer] = useState('');
  const [handle, setHandle] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hintId = useId();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await client.call(
      'team:connectBrandAccount',
      network === 'bluesky'
        ? { network, service: server.trim(), handle: handle.trim(), appPassword: secret }
        : { network, instance: server.trim(), accessToken: secret },
    );
    setSecret('');
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNotice(t('teamBrand.connect.connected', { handle: result.value.handle }));
    setHandle('');
    onConnected();
  }

  const ready = server.trim() !== '' && secret !== '' && (network === 'mastodon' || handle.trim() !== '');
  return (
    <form
      className="form team-brand__connect"
      onSubmit={(e) => void submit(e)}
      data-testid="team-brand-connect"
    >
      <h4>{t('teamBrand.connect.title')}</h4>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <TeamProblem error={error} />
      <label>
        {t('teamBrand.connect.network')}
        <select value={network} onChange={(e) => setNetwork(e.target.value as 'bluesky' | 'mastodon')}>
          <option value="bluesky">{t('teamBrand.networks.bluesky')}</option>
          <option value="mastodon">{t('teamBrand.networks.mastodon')}</option>
        </select>
      </label>
      <label>
        {network === 'bluesky' ? t('teamBrand.connect.service') : t('teamBrand.connect.instance')}
        <input
          type="url"
          value={server}
          onChange={(e) => setServer(e.target.value)}
          placeholder={network === 'bluesky' ? 'https://bsky.social' : 'https://mastodon.social'}
          aria-describedby={`${hintId}-server`}
        />
      </label>
      <p className="hint" id={`${hintId}-server`}>
        {network === 'bluesky' ? t('teamBrand.connect.serviceHint') : t('teamBrand.connect.instanceHint')}
      </p>
      {network === 'bluesky' && (
        <label>
          {t('teamBrand.connect.handle')}
          <input value={handle} onChange={(e) => setHandle(e.target.value)} autoComplete="off" />
        </label>
      )}
      <label>
        {network === 'bluesky' ? t('teamBrand.connect.appPassword') : t('teamBrand.connect.accessToken')}
        <input
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="new-password"
          aria-describedby={`${hintId}-secret`}
        />
      </label>
      <p className="hint" id={`${hintId}-secret`}>
        {t('teamBrand.connect.secretHint')}
      </p>
      <button type="submit" className="button button--primary" disabled={!ready || busy}>
        {busy ? t('teamBrand.connect.connecting') : t('teamBrand.connect.submit')}
      </button>
    </form>
  );
}
