// Holds the setup's streams runtime for as long as the calling component is mounted.
import { useEffect } from 'react';
import { useServices } from '../../app-context.tsx';
import type { DeckSetup } from './deck-setup.tsx';
import { streamsRuntimeFor, type StreamsRuntime } from './streams-runtime.ts';

export function useStreamsRuntime(setup: DeckSetup): StreamsRuntime {
  const services = useServices();
  const runtime = streamsRuntimeFor(setup, services);
  useEffect(() => runtime.retain(), [runtime]);
  return runtime;
}
