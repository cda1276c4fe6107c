/**
 * `true` when A and B are assignable to each other, else `false`: a zod schema checked against the
 * plain type it must describe (`const ok: SameType<z.infer<typeof schema>, T> = true`).
 */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
