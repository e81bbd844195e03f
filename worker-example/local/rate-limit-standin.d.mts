// Types of rate-limit-standin.mjs.
export declare const RATE_LIMIT_STANDIN_SOURCE: string;
export declare function rateLimitServiceName(binding: string): string;
