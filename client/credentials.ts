/**
 * Credentials the standard Alibaba Cloud way (`@alicloud/credentials`): environment variables
 * ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (+ ALIBABA_CLOUD_SECURITY_TOKEN), then the profile
 * file (~/.alibabacloud/credentials or ALIBABA_CLOUD_CREDENTIALS_FILE, profile ALIBABA_CLOUD_PROFILE), then the
 * aliyun CLI config (~/.aliyun/config.json). The Pulumi alicloud provider's ALICLOUD_ACCESS_KEY /
 * ALICLOUD_SECRET_KEY are accepted as well, so one environment serves both.
 */
import Credential, { Config } from "@alicloud/credentials";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

type Env = Record<string, string | undefined>;

/** True when some credential source is configured. No network call; use it to skip preflight offline. */
export function hasCredentials(env: Env = process.env, home: string = homedir()): boolean {
  if (env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) return true;
  if (env.ALICLOUD_ACCESS_KEY && env.ALICLOUD_SECRET_KEY) return true;
  const files = [env.ALIBABA_CLOUD_CREDENTIALS_FILE, join(home, ".alibabacloud", "credentials"), join(home, ".aliyun", "config.json")];
  return files.some((f) => f !== undefined && f !== "" && existsSync(f));
}

export interface StaticKeys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** A Credential: the given keys, else the provider's keys, else the library's default chain. */
export function resolveCredential(keys?: StaticKeys, env: Env = process.env): Credential {
  if (!keys && !env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALICLOUD_ACCESS_KEY && env.ALICLOUD_SECRET_KEY) {
    keys = { accessKeyId: env.ALICLOUD_ACCESS_KEY, accessKeySecret: env.ALICLOUD_SECRET_KEY, securityToken: env.ALICLOUD_SECURITY_TOKEN };
  }
  if (!keys) return new Credential();
  return new Credential(new Config(keys.securityToken
    ? { type: "sts", accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret, securityToken: keys.securityToken }
    : { type: "access_key", accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret }));
}
