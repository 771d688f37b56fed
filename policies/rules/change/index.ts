/**
 * The vocabulary of day 2 shared by the call plan (../calls) and the call gates (../gates): findings and outcomes,
 * acknowledgements of one change, auto-scaling policy summaries, recorded secrets, reading a cluster's inputs.
 */
export * from "./types";
export * from "./acks";
export * from "./policy";
export * from "./secret";
export { show, listSome } from "./format";
export { clusterSnapshot, compareValues, type ClusterSnapshot, type Comparison, type GroupSnapshot } from "./snapshot";
