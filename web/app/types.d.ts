/** Shapes of what the page reads from this instance (src/http/routes/caps.ts, tmdbProxy, configurator). */

export type ParamKind =
  | 'integer'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'color'
  | 'palette'
  | 'weights'
  | 'priority'
  | 'language'
  | 'string';

/** One row of the server's parameter table (`/server-caps` `param_table`, from paramDefaults()). */
export interface ParamRow {
  name: string;
  kind: ParamKind;
  /** Default in query-string form; '' = absent. */
  default: string;
  min?: number;
  max?: number;
  values?: (string | number)[];
  aliases?: string[];
  group: string;
  doc: string;
  clientDefaults?: Record<string, string>;
}

export interface PresetCard {
  id: string;
  name: string;
  description: string;
  /** Lock mode: relative /p URL of a sample render. */
  screenshot_url?: string;
  /** Unlocked mode (/configurator/presets): the preset's canonical style query. */
  query?: string;
}

export interface ServerCaps {
  version: string;
  demo_mode: boolean;
  tmdb_key_set: boolean;
  mdblist_key_set: boolean;
  quality_configured: boolean;
  param_defaults: Record<string, string>;
  param_table?: ParamRow[];
  never_omitted_params: string[];
  sash_priority_default: string;
  sash_priority_diff_seed: string;
  preset_enabled: boolean;
  presets: PresetCard[];
  access_key_valid: boolean;
  /** ACCESS_KEY is set and this page did not give it: the key would open every setting. */
  access_key_required: boolean;
  /** Where to learn to run an instance of one's own (SELF_HOST_URL). */
  self_host_url: string;
}

export interface Normalized {
  query: string;
  sash_priority: string[];
  notes: string[];
}

export type MediaType = 'movie' | 'tv';

/** The title the preview shows and the plain URL names. */
export interface Title {
  imdbId: string | null;
  tmdbId: string | null;
  type: MediaType;
  label: string;
}

export interface SearchHit {
  tmdbId: string;
  type: MediaType;
  title: string;
  year: string;
  thumbnail: string | null;
}

/** Keys the user typed; they go to this instance only (preview, search) and into copied URLs. */
export interface Keys {
  tmdb_key: string;
  mdblist_key: string;
  access_key: string;
}

/** The full editor's state besides the store's values. */
export interface EditorState {
  /** The server's last reading of the settings (what copied URLs carry). */
  canonical: Normalized;
  /** A preset the settings still equal (copied URLs then use its /p form when the tier is on). */
  preset: string | null;
  /** The open settings tab. */
  tab: string;
  /** Bumped on every change not made by the server, so a late answer is not applied. */
  version: number;
}
