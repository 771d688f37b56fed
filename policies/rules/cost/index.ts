/**
 * Money: a price book's shape (book.ts), what a cluster or its RDS metastore costs a month at its prices
 * (resource-cost.ts), the cost of a change (change.ts), the money behind the count acknowledgements (lens.ts) and the
 * cost rules (rule.ts). Pure: the book is read and validated by prices/, the report laid out by check/.
 */
export * from "./book";
export * from "./resource-cost";
export * from "./change";
export { costLens } from "./lens";
export { judgeMonthlyCost, judgePriceBookAge, monthlyCostAck } from "./rule";
