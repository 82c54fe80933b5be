import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../../scripts/browser/launch';

export interface BuiltManifest {
  side_panel?: { default_path?: string };
  background?: { service_worker?: string };
  content_scripts?: { matches?: string[] }[];
}

export async function readManifest(): Promise<BuiltManifest> {
  return JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as BuiltManifest;
}
