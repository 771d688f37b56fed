/**
 * How the Pulumi engine writes values it cannot show, in RegisterResource requests, stack exports and preview
 * documents: secrets as `{ <SECRET_KEY>: <SECRET_SIG>, value | ciphertext }`, values not known before apply as
 * sentinel strings (one per type). The check's readers and reports all read them from here.
 */

/** The key that marks an object as a special value, and its value for a secret. */
export const SECRET_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** The engine's untyped "known after apply" (also the string one). */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Every typed "known after apply" sentinel. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  UNKNOWN_SENTINEL, // string
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);
