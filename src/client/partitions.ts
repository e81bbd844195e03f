// AWS partitions: which DNS suffix a region's Bedrock Runtime endpoint uses.

// From the AWS SDK's partitions data (@aws-sdk/core, dist-cjs/submodules/client: partitionsInfo,
// also @aws-sdk/util-endpoints partitions.json). The endpoint rule set of bedrock-runtime builds
// `https://bedrock-runtime.{Region}.{PartitionResult#dnsSuffix}`.
const PARTITIONS: ReadonlyArray<{ id: string; regionRegex: RegExp; dnsSuffix: string }> = [
  { id: "aws-cn", regionRegex: /^cn-\w+-\d+$/, dnsSuffix: "amazonaws.com.cn" },
  { id: "aws-eusc", regionRegex: /^eusc-(de)-\w+-\d+$/, dnsSuffix: "amazonaws.eu" },
  { id: "aws-iso", regionRegex: /^us-iso-\w+-\d+$/, dnsSuffix: "c2s.ic.gov" },
  { id: "aws-iso-b", regionRegex: /^us-isob-\w+-\d+$/, dnsSuffix: "sc2s.sgov.gov" },
  { id: "aws-iso-e", regionRegex: /^eu-isoe-\w+-\d+$/, dnsSuffix: "cloud.adc-e.uk" },
  { id: "aws-iso-f", regionRegex: /^us-isof-\w+-\d+$/, dnsSuffix: "csp.hci.ic.gov" },
  { id: "aws-us-gov", regionRegex: /^us-gov-\w+-\d+$/, dnsSuffix: "amazonaws.com" },
];

/**
 * A region's partition and DNS suffix. Like the SDK's `partition()`, a region no partition's
 * pattern matches (a commercial region, or one newer than this table) falls in `aws`.
 * @example partitionOf("cn-north-1") // { id: "aws-cn", dnsSuffix: "amazonaws.com.cn" }
 */
export function partitionOf(region: string): { id: string; dnsSuffix: string } {
  const found = PARTITIONS.find((p) => p.regionRegex.test(region));
  return found ? { id: found.id, dnsSuffix: found.dnsSuffix } : { id: "aws", dnsSuffix: "amazonaws.com" };
}

/**
 * What a region looks like in every partition: a 2-4 letter prefix (`us`, `cn`, `eusc`), one or
 * more words (`gov-west`, `iso-east`, `de-east`, `southeast`), a number.
 */
export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;
