/** Target of W1–W4 together, Lit included (bench/widgets prints the same figure). */
export declare const GZIP_BUDGET: number;
