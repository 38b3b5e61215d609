// Loads the desk's settings into a form and saves them whole. A refusal keeps the form as typed and hands
// back main's issues, one per entry, so each field can say what is wrong with it.
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../../app-context.tsx';
import { fromForm, toForm, type DeskSettingsForm, type Issues } from './settings-form.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'refused';

export function useDeskSettings() {
  const { client } = useServices();
  const [form, setForm] = useState<DeskSettingsForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issues>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('idle');

  useEffect(() => {
    let cancelled = false;
    void client.call('desk:settings', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setForm(toForm(result.value));
      else setLoadError(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [client]);

  const edit = useCallback((patch: Partial<DeskSettingsForm>) => {
    setForm((current) => (current ? { ...current, ...patch } : current));
    setState((s) => (s === 'saved' ? 'idle' : s));
  }, []);

  const save = useCallback(async () => {
    if (!form) return;
    setState('saving');
    const result = await client.call('desk:updateSettings', fromForm(form));
    if (result.ok) {
      setIssues(undefined);
      setRefusal(null);
      setState('saved');
    } else {
      setIssues(result.error.issues);
      setRefusal(result.error.message);
      setState('refused');
    }
  }, [client, form]);

  return { form, loadError, issues, refusal, state, edit, save };
}
