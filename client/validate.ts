/**
 * Input checks made before any call (reference/emr-planning-rules.md, "user text"). Names and descriptions use
 * the policy pack's pure rules, so the client, the components and the pack agree on one definition.
 */
import { checkClusterName, checkDescription, checkNodeGroupName } from "../policies/rules/index.js";
import { EmrInputError, type InputProblem } from "./errors";

/** e.g. cn-hangzhou, ap-southeast-1, cn-shanghai-finance-1. */
const REGION_ID = /^[a-z]{2}(-[a-z0-9]+)+$/;
/** IDs as the API prints them: `c-` / `ng-` and 16 lower-case hex digits. */
const CLUSTER_ID = /^c-[0-9a-f]{16}$/;
const NODE_GROUP_ID = /^ng-[0-9a-f]{16}$/;
/** ECS instance id of a node. */
const NODE_ID = /^i-[0-9a-z]{8,30}$/;

type Check = (value: unknown, path: string) => InputProblem[];

const pattern = (re: RegExp, what: string, example: string): Check => (value, path) =>
  typeof value === "string" && re.test(value) ? [] : [{ path, message: `${what} ${JSON.stringify(value)} is not valid`, fix: `e.g. "${example}"` }];

export const checkRegionId = pattern(REGION_ID, "region id", "cn-hangzhou");
export const checkClusterId = pattern(CLUSTER_ID, "cluster id", "c-b933c5aac8fe6a0f");
export const checkNodeGroupId = pattern(NODE_GROUP_ID, "node group id", "ng-869471354ecd4c2b");
export const checkNodeId = pattern(NODE_ID, "node id", "i-bp1cudc25w2bfwl5****".replace(/\*/g, "0"));

/** The policy rules' findings carry a rule name too; the client reports path, message and fix. */
const fromRule = (check: (value: unknown, path: string) => { path: string; message: string; fix: string }[]): Check =>
  (value, path) => check(value, path).map(({ path: p, message, fix }) => ({ path: p, message, fix }));

export const checkClusterNameInput = fromRule(checkClusterName);
export const checkNodeGroupNameInput = fromRule(checkNodeGroupName);
export const checkDescriptionInput = fromRule(checkDescription);

/** Throws one EmrInputError listing every problem; does nothing when the list is empty. */
export function assertValid(problems: InputProblem[]): void {
  if (problems.length > 0) throw new EmrInputError(problems);
}
