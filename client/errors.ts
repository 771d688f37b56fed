/**
 * The errors the client throws. The service's Code, Message and RequestId are kept exactly as sent, so a user
 * can quote them to Alibaba support.
 */

export class EmrApiError extends Error {
  readonly code: string;
  readonly requestId: string | undefined;
  /** HTTP status; undefined when no response arrived (dropped connection, timeout). */
  readonly statusCode: number | undefined;
  readonly action: string;

  constructor(args: { code: string; message: string; requestId?: string; statusCode?: number; action: string }) {
    super(args.message);
    this.name = "EmrApiError";
    this.code = args.code;
    this.requestId = args.requestId;
    this.statusCode = args.statusCode;
    this.action = args.action;
  }

  /** One line for logs and CLIs: `Code: Message (RequestId …)`. */
  describe(): string {
    return `${this.action} failed: ${this.code}: ${this.message}${this.requestId ? ` (RequestId ${this.requestId})` : ""}`;
  }
}

/** Throttling codes of the gateway (`Throttling`, `Throttling.User`, …) and EMR's own `ThrottlingException`. */
export const isThrottling = (e: unknown): boolean => e instanceof EmrApiError && /^Throttling/.test(e.code);

export const isConcurrentModification = (e: unknown): boolean => e instanceof EmrApiError && e.code === "ConcurrentModification";

/**
 * True when we cannot tell whether the service applied a write: no response at all, or a 5xx.
 * A 4xx is a definite refusal and never ambiguous.
 */
export const isAmbiguous = (e: unknown): boolean => e instanceof EmrApiError && (e.statusCode === undefined || e.statusCode >= 500);

export interface InputProblem {
  path: string;
  message: string;
  fix?: string;
}

/** Bad input found before any call was made. Lists every problem at once. */
export class EmrInputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}${p.fix ? ` (fix: ${p.fix})` : ""}`).join("; "));
    this.name = "EmrInputError";
    this.problems = problems;
  }
}

/** The service answered 2xx with a body that does not have the documented shape. */
export class EmrResponseError extends Error {
  constructor(readonly action: string, readonly issues: string, readonly requestId?: string) {
    super(`${action}: unexpected response shape: ${issues}`);
    this.name = "EmrResponseError";
  }
}

/** A wait (cluster or node group state) that ended in a failure state or ran out of time. */
export class EmrStateError extends Error {
  constructor(
    message: string,
    readonly state: string | undefined,
    readonly reason: { Code?: string; Message?: string } | undefined,
  ) {
    super(message);
    this.name = "EmrStateError";
  }
}
