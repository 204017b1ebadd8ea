/** Public surface of the offline fake upstream (demo mode and tests). */
export { CATALOGUE, TRENDING } from './catalogue.ts';
export type { CatalogueTitle, MediaKind } from './catalogueTypes.ts';
export type { FaultConfig, FaultRule } from './faults.ts';
export { FaultController } from './faults.ts';
export type { ServiceName } from './http.ts';
export type { ArtAsset } from './registry.ts';
export { publicImdbId, Registry, registry } from './registry.ts';
export type { RequestRecord } from './requestLog.ts';
export { RequestLog, redactUrl } from './requestLog.ts';
export type { FakeUpstream, FakeUpstreamOptions, FakeUpstreamUrls } from './server.ts';
export { startFakeUpstream } from './server.ts';
