// A settings screen's note that a change applies now but could not be stored.
import { useCallback, useState } from 'react';

export function useSaveFailure(): {
  readonly failed: boolean;
  track(saving: Promise<void>): void;
} {
  const [failed, setFailed] = useState(false);
  const track = useCallback((saving: Promise<void>) => {
    setFailed(false);
    saving.catch((error: unknown) => {
      console.error('A setting could not be saved.', error);
      setFailed(true);
    });
  }, []);
  return { failed, track };
}
