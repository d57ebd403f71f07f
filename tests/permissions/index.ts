// Every feature's rows of the permission matrix. Add your feature's file here with one line.
import { accountRows } from "./accounts";
import type { MatrixRow } from "./types";

export const MATRIX: MatrixRow[] = [...accountRows];
