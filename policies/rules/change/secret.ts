/**
 * A secret recorded in a Pulumi document (`{"4dabf18193072939515e22adb298388d": ..., "ciphertext": ...}`): present but
 * unreadable. It carries only a digest of the ciphertext (to tell two recordings apart) and prints as "[secret]"
 * everywhere (String(), JSON, util.inspect), so no message can leak a ciphertext or a value.
 */
export class SecretValue {
  /** `digest`: a short hash of the ciphertext; absent when the document blinded it ("[secret]" in preview JSON). */
  constructor(readonly digest?: string) {}
  toString(): string {
    return "[secret]";
  }
  toJSON(): string {
    return "[secret]";
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[secret]";
  }
}

export const isSecretValue = (v: unknown): v is SecretValue => v instanceof SecretValue;
