/** The worker client shared by the actions, created on first use (tests may replace it). */
import { createCoreClient, type CoreClient } from '../../worker/core-client.ts';

let client: CoreClient | null = null;

export function core(): CoreClient {
  client ??= createCoreClient();
  return client;
}

export function setCoreClient(replacement: CoreClient): void {
  client = replacement;
}
