/** Change-aware rules (day 2): pure functions over a cluster's before/after. See steps.ts and plan.ts. */
export * from "./types";
export * from "./acks";
export * from "./policy";
export * from "./steps";
