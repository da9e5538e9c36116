/**
 * A protobuf-es message shape without its bookkeeping fields (`$typeName`, `$unknown`), recursively: what
 * callers write as object literals. Unlike protobuf-es' init shapes, every field the schema does not mark
 * `optional` is required, so a payload missing a field or meant for another subject does not compile.
 */
export type Plain<T> = T extends Uint8Array
  ? T
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends { $typeName: string }
      ? { [K in keyof T as K extends '$typeName' | '$unknown' ? never : K]: Plain<T[K]> }
      : T extends object
        ? { [K in keyof T]: Plain<T[K]> }
        : T;
