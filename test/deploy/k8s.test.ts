/**
 * deploy/k8s, rendered by `kubectl kustomize deploy/k8s` (the real kustomize, Debian's kubectl or a
 * newer one) and checked as a cluster would receive it: probes and ports match the app (and answer on a
 * running instance configured from the ConfigMap), the hardened securityContext is on every container,
 * NetworkPolicy peers select only their own labels (never this app's — the reference's commonLabels broke
 * DNS and backend egress exactly that way), the HPA and PDB target the Deployment, and every ConfigMap
 * and Secret key is a variable of the config schema.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config/load.ts';
import { CONFIG_SCHEMA } from '../../src/config/schema.ts';
import { startInProcessApp } from '../helpers/inProcessApp.ts';
import { withServer } from '../helpers/serverGate.ts';
import { all, last, ROOT, readDockerfile } from './dockerfile.ts';

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: rendered Kubernetes objects are untyped YAML
  [key: string]: any;
};
type Labels = Record<string, string>;
interface Peer {
  podSelector?: { matchLabels?: Labels };
  namespaceSelector?: { matchLabels?: Labels };
  ipBlock?: { cidr: string };
}
interface PolicyRule {
  ports?: { protocol: string; port: number | string }[];
  to?: Peer[];
  from?: Peer[];
}

const K8S_DIR = path.join(ROOT, 'deploy/k8s');
const kubectlMissing =
  spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0
    ? null
    : 'kubectl (Debian package kubernetes-client)';

/** `kubectl kustomize DIR`, parsed. */
function render(dir: string): K8sObject[] {
  const text = execFileSync('kubectl', ['kustomize', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseAllDocuments(text).map((doc) => doc.toJS() as K8sObject);
}

const dockerfile = readDockerfile();
const runtime = dockerfile.stages.at(-1);
const imageUid = Number(runtime ? last(runtime, 'USER')?.args.split(':')[0] : Number.NaN);
const exposed = runtime ? all(runtime, 'EXPOSE').map((expose) => Number(expose.args)) : [];
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/**
 * The peers of a NetworkPolicy whose selectors would match this app's own pods or carry its labels:
 * a peer selector must name the other side (kube-dns, postgresql, redis) and nothing of ours.
 */
function peersInheritingAppLabels(policy: K8sObject, appLabels: Labels): Peer[] {
  const rules = [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])] as PolicyRule[];
  return rules
    .flatMap((rule) => [...(rule.to ?? []), ...(rule.from ?? [])])
    .filter((peer) =>
      [peer.podSelector?.matchLabels, peer.namespaceSelector?.matchLabels].some((labels) =>
        Object.entries(labels ?? {}).some(([key, value]) => appLabels[key] === value),
      ),
    );
}

const cpuCores = (quantity: string) =>
  quantity.endsWith('m') ? Number.parseInt(quantity, 10) / 1000 : Number(quantity);
const bytes = (quantity: string) => {
  const match = /^(\d+)(Ki|Mi|Gi)?$/.exec(quantity);
  if (!match) throw new Error(`unexpected quantity ${quantity}`);
  return Number(match[1]) * ({ Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }[match[2] ?? ''] ?? 1);
};

withServer('kubernetes manifests (kubectl kustomize deploy/k8s)', kubectlMissing, () => {
  const objects = render(K8S_DIR);
  const one = (kind: string) => {
    const found = objects.filter((object) => object.kind === kind);
    if (found.length !== 1) throw new Error(`expected one ${kind}, rendered ${found.length}`);
    return found[0] as K8sObject;
  };
  const namespace = one('Namespace');
  const deployment = one('Deployment');
  const configMap = one('ConfigMap');
  const secret = one('Secret');
  const service = one('Service');
  const hpa = one('HorizontalPodAutoscaler');
  const pdb = one('PodDisruptionBudget');
  const policy = one('NetworkPolicy');
  const pod = deployment.spec.template.spec;
  const selector = deployment.spec.selector.matchLabels as Labels;
  const podLabels = deployment.spec.template.metadata.labels as Labels;
  const containers = [...(pod.containers ?? []), ...(pod.initContainers ?? [])];
  const app = pod.containers[0];
  const config = configMap.data as Record<string, string>;

  describe('objects', () => {
    it('renders exactly the expected objects, all in the one namespace, all labelled', () => {
      expect(objects.map((object) => object.kind).sort()).toEqual(
        [
          'ConfigMap',
          'Deployment',
          'HorizontalPodAutoscaler',
          'Namespace',
          'NetworkPolicy',
          'PodDisruptionBudget',
          'Secret',
          'Service',
          'ServiceAccount',
        ].sort(),
      );
      for (const object of objects) {
        if (object.kind !== 'Namespace')
          expect(object.metadata.namespace, object.kind).toBe(namespace.metadata.name);
        expect(object.metadata.labels?.['app.kubernetes.io/name'], object.kind).toBe('postersplus');
      }
      expect(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    });

    it('runs the image this repository builds, by its package version', () => {
      expect(app.image).toBe(`postersplus:${pkg.version}`);
      expect(app.imagePullPolicy).toBe('IfNotPresent');
    });
  });

  describe('Deployment', () => {
    it('2 replicas, a selector its pods carry, rolling without losing capacity', () => {
      expect(deployment.spec.replicas).toBe(2);
      for (const [key, value] of Object.entries(selector)) expect(podLabels[key]).toBe(value);
      expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    });

    it('hardened securityContext on the pod and on every container', () => {
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: imageUid,
        fsGroup: expect.any(Number),
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(containers.length).toBeGreaterThan(0);
      for (const container of containers) {
        const context = container.securityContext;
        expect(context, container.name).toMatchObject({
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        });
        expect(context.capabilities.add, container.name).toBeUndefined();
        expect(context.privileged ?? false, container.name).toBe(false);
        if (context.runAsUser !== undefined) expect(context.runAsUser).toBe(imageUid);
      }
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.hostNetwork ?? false).toBe(false);
      expect(pod.enableServiceLinks).toBe(false);
    });

    it('probes: startup and liveness on /live, readiness on /ready, on the port the app listens on', () => {
      const port = app.ports.find((p: { name: string }) => p.name === 'http');
      expect(port.containerPort).toBe(Number(config.PORT));
      expect(exposed).toEqual([port.containerPort]);
      expect(app.startupProbe.httpGet).toEqual({ path: '/live', port: 'http' });
      expect(app.livenessProbe.httpGet).toEqual({ path: '/live', port: 'http' });
      expect(app.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
      // /ready bounds each backend probe by READY_PROBE_TIMEOUT_MS; the kubelet must wait longer than that.
      expect(app.readinessProbe.timeoutSeconds * 1000).toBeGreaterThan(Number(config.READY_PROBE_TIMEOUT_MS));
      // The startup probe gives the first boot (migrations, bucket check) a minute before liveness applies.
      expect(app.startupProbe.periodSeconds * app.startupProbe.failureThreshold).toBeGreaterThanOrEqual(60);
    });

    it('writable storage is emptyDir only: DATA_DIR (art cache) and /tmp', () => {
      const mounts = Object.fromEntries(
        app.volumeMounts.map((mount: { name: string; mountPath: string }) => [mount.mountPath, mount.name]),
      );
      expect(Object.keys(mounts).sort()).toEqual([config.DATA_DIR, '/tmp'].sort());
      for (const name of Object.values(mounts)) {
        const volume = pod.volumes.find((v: { name: string }) => v.name === name);
        expect(volume.emptyDir, name as string).toBeDefined();
        expect(volume.emptyDir.sizeLimit, name as string).toBeDefined();
      }
    });

    it('preStop delay + SHUTDOWN_TIMEOUT_MS + lease release fit in the termination grace period', () => {
      const command = app.lifecycle.preStop.exec.command as string[];
      expect(command[0]).toBe('node'); // the image has Node; nothing else is guaranteed
      const delayMs = Number(/setTimeout\(\(\) => \{\}, (\d+)\)/.exec(command.join(' '))?.[1]);
      expect(delayMs).toBeGreaterThanOrEqual(3000);
      const shutdownMs = Number(config.SHUTDOWN_TIMEOUT_MS);
      // After the server closes: jobs cancelled, every lease released, coordinator/blob store/storage
      // closed (docs/OPERATIONS.md). 15 s covers a Redis command timeout per lease and the pool drains.
      expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThanOrEqual(delayMs + shutdownMs + 15_000);
    });

    it('resources: requests and limits for CPU and memory; render slots = CPU limit, one process per pod', () => {
      const { requests, limits } = app.resources;
      expect(cpuCores(requests.cpu)).toBeLessThanOrEqual(cpuCores(limits.cpu));
      expect(bytes(requests.memory)).toBeLessThanOrEqual(bytes(limits.memory));
      // Measured (deploy/k8s/README.md, "Sizing"): ~620 MiB resident with two renders in flight under load.
      expect(bytes(limits.memory)).toBeGreaterThanOrEqual(768 * 1024 ** 2);
      expect(Number(config.RENDER_CONCURRENCY)).toBe(cpuCores(limits.cpu));
      expect(config.WORKERS).toBe('1');
    });

    it('takes its environment from the rendered ConfigMap and Secret', () => {
      expect(app.envFrom).toEqual([
        { configMapRef: { name: configMap.metadata.name } },
        { secretRef: { name: secret.metadata.name } },
      ]);
      expect(app.env).toBeUndefined();
    });
  });

  describe('ConfigMap and Secret', () => {
    it('ConfigMap: only non-secret config-schema variables, and together they load', () => {
      for (const key of Object.keys(config)) {
        expect(key in CONFIG_SCHEMA, key).toBe(true);
        expect(CONFIG_SCHEMA[key as keyof typeof CONFIG_SCHEMA].secret, key).toBe(false);
      }
      const loaded = loadConfig(config);
      expect(loaded.LOG_FORMAT).toBe('json');
      expect(loaded.DATA_DIR).toBe(config.DATA_DIR);
    });

    it('Secret: a placeholder of secret config variables (and the AWS SDK keys), every value empty', () => {
      const data = (secret.stringData ?? {}) as Record<string, string>;
      expect(secret.data).toBeUndefined();
      for (const [key, value] of Object.entries(data)) {
        const spec = CONFIG_SCHEMA[key as keyof typeof CONFIG_SCHEMA];
        expect(spec?.secret || /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/.test(key), key).toBe(true);
        expect(value, key).toBe('');
      }
      for (const key of ['DATABASE_URL', 'REDIS_URL', 'OBJECT_STORE_URL', 'TMDB_API_KEY'])
        expect(data).toHaveProperty(key);
      // Left as is, the pods run on their own (SQLite on the emptyDir): nothing to fill in to start.
      expect(loadConfig({ ...config, ...data }).DATABASE_URL).toBe('');
    });
  });

  describe('Service, HPA, PDB', () => {
    it('Service selects the Deployment’s pods on the named container port', () => {
      expect(service.spec.selector).toEqual(selector);
      expect(service.spec.ports.map((p: { targetPort: string }) => p.targetPort)).toEqual(['http']);
    });

    it('HPA scales the Deployment on CPU and memory, from its replica count', () => {
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(hpa.spec.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: deployment.metadata.name,
      });
      expect(hpa.spec.minReplicas).toBe(deployment.spec.replicas);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      const resources = hpa.spec.metrics
        .filter((metric: { type: string }) => metric.type === 'Resource')
        .map((metric: { resource: { name: string } }) => metric.resource.name);
      expect(resources.sort()).toEqual(['cpu', 'memory']);
      // DB connections at full scale (pool + the migration connection) stay below PostgreSQL's default 100.
      expect(hpa.spec.maxReplicas * (Number(config.DB_POOL_MAX_SIZE) + 1)).toBeLessThan(100);
      // How to scale on the render queue is written down next to it.
      expect(readFileSync(path.join(K8S_DIR, 'hpa.yaml'), 'utf8')).toContain(
        'postersplus_render_queue_depth',
      );
    });

    it('PDB keeps one pod of the Deployment, and a drain can still proceed', () => {
      expect(pdb.apiVersion).toBe('policy/v1');
      expect(pdb.spec.minAvailable).toBe(1);
      expect(pdb.spec.selector.matchLabels).toEqual(selector);
      expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
    });
  });

  describe('NetworkPolicy', () => {
    const egress = policy.spec.egress as PolicyRule[];
    const ports = (rule: PolicyRule) => (rule.ports ?? []).map((p) => `${p.protocol}/${p.port}`).sort();

    it('applies to the Deployment’s pods, both directions, HTTP in on the container port', () => {
      expect(policy.spec.podSelector.matchLabels).toEqual(selector);
      expect([...policy.spec.policyTypes].sort()).toEqual(['Egress', 'Ingress']);
      expect(policy.spec.ingress.map(ports)).toEqual([[`TCP/${config.PORT}`]]);
    });

    it('allows DNS to kube-dns, PostgreSQL, Redis and HTTPS egress, and nothing else', () => {
      expect(egress.map(ports)).toEqual([['TCP/53', 'UDP/53'], ['TCP/5432'], ['TCP/6379'], ['TCP/443']]);
      expect(egress[0]?.to).toEqual([
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        },
      ]);
      expect(egress[1]?.to?.[0]?.podSelector?.matchLabels).toEqual({
        'app.kubernetes.io/name': 'postgresql',
      });
      expect(egress[2]?.to?.[0]?.podSelector?.matchLabels).toEqual({ 'app.kubernetes.io/name': 'redis' });
      expect(egress[3]?.to).toEqual([{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }]);
    });

    it('peer selectors carry only their own labels: rendered exactly as written, none of the app’s', () => {
      expect(peersInheritingAppLabels(policy, podLabels)).toEqual([]);
      const written = parse(readFileSync(path.join(K8S_DIR, 'networkpolicy.yaml'), 'utf8')) as K8sObject;
      expect(policy.spec).toEqual(written.spec);
    });

    describe('the check catches the reference’s bug', () => {
      let overlay = '';
      beforeAll(() => {
        overlay = mkdtempSync(path.join(tmpdir(), 'postersplus-kustomize-'));
        // `bases:` so that Debian's older kustomize reads it too.
        writeFileSync(
          path.join(overlay, 'kustomization.yaml'),
          `bases:\n  - ${path.relative(overlay, K8S_DIR)}\ncommonLabels:\n  app.kubernetes.io/part-of: postersplus\n`,
        );
      });
      afterAll(() => rmSync(overlay, { recursive: true, force: true }));

      it('an overlay with commonLabels makes the DNS and backend peers select the app’s labels', () => {
        const broken = render(overlay).find((object) => object.kind === 'NetworkPolicy') as K8sObject;
        const bad = peersInheritingAppLabels(broken, podLabels);
        expect(bad.map((peer) => peer.podSelector?.matchLabels)).toEqual([
          { 'app.kubernetes.io/part-of': 'postersplus', 'k8s-app': 'kube-dns' },
          { 'app.kubernetes.io/name': 'postgresql', 'app.kubernetes.io/part-of': 'postersplus' },
          { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/part-of': 'postersplus' },
        ]);
      });
    });
  });

  describe('against the running service', () => {
    // The app started with the ConfigMap's settings (but a loopback port and a scratch DATA_DIR).
    let running: Awaited<ReturnType<typeof startInProcessApp>>;
    beforeAll(async () => {
      const { DATA_DIR: _d, HOST: _h, PORT: _p, ...rest } = config;
      // DEMO_MODE=off needs the key secret.yaml carries; the probes themselves never call TMDB.
      expect(rest.DEMO_MODE).toBe('off');
      running = await startInProcessApp({ ...rest, TMDB_API_KEY: 'probe-test-key' });
    });
    afterAll(async () => running?.close());

    it('every probe path, and the scrape path of the pod annotations, answers 200', async () => {
      const annotations = deployment.spec.template.metadata.annotations as Record<string, string>;
      expect(annotations['prometheus.io/port']).toBe(config.PORT);
      const paths = [
        app.startupProbe.httpGet.path,
        app.livenessProbe.httpGet.path,
        app.readinessProbe.httpGet.path,
        annotations['prometheus.io/path'],
      ];
      for (const probe of paths) expect((await running.get(probe)).status, probe).toBe(200);
    });
  });
});
