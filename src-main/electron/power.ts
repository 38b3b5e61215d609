// Tells main's services when the machine sleeps or wakes and when the network goes down or comes back,
// so streams pause and recover instead of failing in a loop.
import { net, powerMonitor } from 'electron';
import type { MainServices } from '../app/types.ts';
import { startConnectivityWatch } from './connectivity-watch.ts';

export function watchPowerAndNetwork(services: Pick<MainServices, 'notifyPower' | 'setOnline'>): () => void {
  const connectivity = startConnectivityWatch({
    isOnline: () => net.isOnline(),
    onChange: (online) => services.setOnline(online),
  });
  const onSuspend = (): void => services.notifyPower('suspend');
  const onResume = (): void => {
    services.notifyPower('resume');
    connectivity.check();
  };
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  // Back at the desk the laptop may be on another network: re-probe at once rather than on the next tick.
  powerMonitor.on('unlock-screen', connectivity.check);
  return () => {
    connectivity.stop();
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('resume', onResume);
    powerMonitor.off('unlock-screen', connectivity.check);
  };
}
