// Tagged-union helpers that give the AWS SDK's union shapes without spelling out every `?: never`.

/** Flattens an intersection so editor tooltips show a single object type. */
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * The member of a Smithy union where key `K` is set and every other key of `M` is absent,
 * as the AWS SDK types it (`ContentBlock.TextMember` and so on). The `?: never` keys let
 * callers write `block.text ?? block.toolUse?.name` on the union.
 */
export type UnionMember<M, K extends keyof M> = Flatten<
  { [P in K]-?: M[P] } & { [P in Exclude<keyof M, K>]?: never } & { $unknown?: never }
>;

/**
 * A member unknown to this version of the types, as the SDK writes it: `$unknown: [name, value]`.
 * Requests serialize it as `{ [name]: value }`; responses keep new members under their own key.
 */
export type UnknownUnionMember<M> = Flatten<{ [P in keyof M]?: never } & { $unknown: [string, unknown] }>;

/** A Smithy tagged union over the members of `M`: exactly one is set. */
export type TaggedUnion<M> = { [K in keyof M]-?: UnionMember<M, K> }[keyof M] | UnknownUnionMember<M>;
