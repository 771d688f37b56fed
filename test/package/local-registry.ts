/**
 * An npm registry on 127.0.0.1 for installing the packed packages the way a user installs published ones
 * (`npm install @emr-as-code/check`), without the network: it serves
 *   - the tarballs given (our packages, by their names), and
 *   - every package version this repository's package-lock.json records, its tarball read from npm's own cache
 *     (~/.npm/_cacache, content addressed by the lockfile's integrity: what `npm ci` put there).
 * npm resolves versions, peers and dedupes as it would against the real registry; a package the lockfile does not
 * record is a 404, so a dependency our packages forgot to declare, or one the repository never installed, fails here.
 * (npm 11 asks for full packuments when it resolves, which its cache holds only in the abbreviated form, so
 * `npm install --offline` of registry names cannot work from the cache alone.)
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";

type Json = Record<string, any>;

/** The fields of a lockfile entry that a packument's version carries (what npm reads to resolve and place). */
const MANIFEST_FIELDS = ["dependencies", "optionalDependencies", "peerDependencies", "peerDependenciesMeta", "bin", "engines", "os", "cpu", "license", "hasInstallScript"] as const;

interface Version {
  manifest: Json;
  /** Where the tarball is: a file, or npm's cache entry for the integrity. */
  tarball: () => Buffer;
  integrity: string;
}

/** npm's cache folder (`npm config get cache`). */
function npmCache(): string {
  try {
    return execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim();
  } catch {
    return path.join(os.homedir(), ".npm");
  }
}

/** The content file of an integrity in npm's cache (cacache's layout: content-v2/<algo>/<hex split 2/2/rest>). */
function cachedContent(cache: string, integrity: string): string {
  const [algo, base64] = integrity.split(" ")[0].split(/-(.*)/s);
  const hex = Buffer.from(base64, "base64").toString("hex");
  return path.join(cache, "_cacache", "content-v2", algo, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

/** Every `name@version` the lockfile records (nested copies too), its tarball in npm's cache. */
function lockfileVersions(lockfile: string, cache: string): Map<string, Map<string, Version>> {
  const lock = JSON.parse(fs.readFileSync(lockfile, "utf8")) as { packages: Record<string, Json> };
  const packages = new Map<string, Map<string, Version>>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.includes("node_modules/") || entry.link || !entry.integrity || !entry.version) continue;
    const name = entry.name ?? key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
    const manifest: Json = { name, version: entry.version };
    for (const field of MANIFEST_FIELDS) if (entry[field] !== undefined) manifest[field] = entry[field];
    const file = cachedContent(cache, entry.integrity);
    if (!packages.has(name)) packages.set(name, new Map());
    packages.get(name)!.set(entry.version, { manifest, integrity: entry.integrity, tarball: () => fs.readFileSync(file) });
  }
  return packages;
}

/** A packed tarball's package.json (npm pack puts it at package/package.json). */
function tarballManifest(file: string): Json {
  return JSON.parse(execFileSync("tar", ["-xzOf", file, "package/package.json"], { encoding: "utf8" })) as Json;
}

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Every packument and tarball asked for, in order (`GET <path> <status>`). */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the registry with this repository's lockfile and the given tarballs (they win over the lockfile's). */
export async function startLocalRegistry(options: { lockfile: string; tarballs: string[] }): Promise<LocalRegistry> {
  const packages = lockfileVersions(options.lockfile, npmCache());
  for (const file of options.tarballs) {
    const manifest = tarballManifest(file);
    const data = fs.readFileSync(file);
    const integrity = `sha512-${createHash("sha512").update(data).digest("base64")}`;
    const versions = new Map<string, Version>([[manifest.version, { manifest, integrity, tarball: () => data }]]);
    packages.set(manifest.name, versions);
  }
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const send = (status: number, body: Buffer | string, type: string) => {
      requests.push(`GET ${url} ${status}`);
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    try {
      const tarball = /^\/-\/tarball\/(.+)\/-\/([^/]+)$/.exec(url);
      if (tarball) {
        const version = packages.get(tarball[1])?.get(tarball[2]);
        return version ? send(200, version.tarball(), "application/octet-stream") : send(404, "{}", "application/json");
      }
      const name = url.slice(1);
      const versions = packages.get(name);
      if (!versions) return send(404, JSON.stringify({ error: "not found" }), "application/json");
      const base = `http://${req.headers.host}/-/tarball/${name}/-/`;
      const list = [...versions.values()];
      const packument = {
        name,
        "dist-tags": { latest: list[list.length - 1].manifest.version },
        versions: Object.fromEntries(list.map((v) => [v.manifest.version, { ...v.manifest, dist: { tarball: base + v.manifest.version, integrity: v.integrity } }])),
      };
      return send(200, JSON.stringify(packument), "application/json");
    } catch (err) {
      return send(500, String(err), "text/plain");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
