// Query-string parameters validated like bodies: the first problem is a 422 naming the parameter.
import type { z } from "zod";
import { validate } from "./http";

export function readQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const params: Record<string, string> = {};
  for (const [k, v] of new URL(req.url).searchParams) if (v !== "") params[k] = v;
  return validate(schema, params);
}
