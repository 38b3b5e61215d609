// A new RSS column is named after the feed's own title, which main reads once; when the feed cannot be
// read yet (offline, a server error) the column still opens, named after its host.
import type { RoostClient } from '../../../bridge/client.ts';

export async function feedColumnTitle(
  client: RoostClient,
  url: string,
  fallbackPrefix: string,
): Promise<string> {
  const result = await client.call('feeds:inspect', { url });
  const title = result.ok ? result.value.title.trim() : '';
  return (title || `${fallbackPrefix}: ${new URL(url).host}`).slice(0, 80);
}
