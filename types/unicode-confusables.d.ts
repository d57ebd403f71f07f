// unicode-confusables 0.1.1 ships its declarations as index.ts.d, which TypeScript does not find.
declare module "unicode-confusables" {
  export interface ConfusablePoint {
    point: string;
    similarTo?: string;
  }
  export const isConfusing: (input: string) => boolean;
  export const confusables: (input: string) => ConfusablePoint[];
  /** each confusable character replaced by its prototype from UTS #39 confusables.txt */
  export const rectifyConfusion: (input: string) => string;
}
