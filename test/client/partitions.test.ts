// Regions of every AWS partition are accepted, and each gets the Bedrock Runtime host of its partition, as the AWS SDK resolves it.
import { awsEndpointFunctions } from "@aws-sdk/core/client";
import { describe, expect, it } from "vitest";
import { checkRegion, defaultEndpoint, validateOptions } from "../../src/client/options.js";
import { partitionOf } from "../../src/client/partitions.js";
import { BedrockInputError } from "../../src/errors/exceptions.js";

const partition = awsEndpointFunctions.partition!;

// Region names of each partition in the AWS SDK's partitions data (@aws-sdk/core client), plus
// commercial regions newer than the old regex's assumptions.
const REGIONS: Array<[string, string]> = [
  ["us-east-1", "aws"],
  ["ap-southeast-7", "aws"],
  ["mx-central-1", "aws"],
  ["ca-west-1", "aws"],
  ["il-central-1", "aws"],
  ["sa-west-1", "aws"],
  ["cn-north-1", "aws-cn"],
  ["cn-northwest-1", "aws-cn"],
  ["eusc-de-east-1", "aws-eusc"],
  ["us-iso-east-1", "aws-iso"],
  ["us-iso-west-1", "aws-iso"],
  ["us-isob-east-1", "aws-iso-b"],
  ["us-isob-west-1", "aws-iso-b"],
  ["eu-isoe-west-1", "aws-iso-e"],
  ["us-isof-south-1", "aws-iso-f"],
  ["us-isof-east-1", "aws-iso-f"],
  ["us-gov-west-1", "aws-us-gov"],
  ["us-gov-east-1", "aws-us-gov"],
];

describe.each(REGIONS)("%s", (region, partitionId) => {
  it(`is accepted, in ${partitionId}, with the SDK's DNS suffix`, () => {
    expect(() => validateOptions({ region })).not.toThrow();
    expect(checkRegion(region, "region")).toBe(region);
    const sdk = partition(region) as { name: string; dnsSuffix: string };
    expect(partitionOf(region)).toEqual({ id: partitionId, dnsSuffix: sdk.dnsSuffix });
    expect(sdk.name).toBe(partitionId);
    expect(defaultEndpoint(region).href).toBe(`https://bedrock-runtime.${region}.${sdk.dnsSuffix}/`);
  });
});

it("an unknown but well-formed region falls in the aws partition, as the SDK's does", () => {
  expect(partitionOf("xy-north-9")).toEqual({ id: "aws", dnsSuffix: (partition("xy-north-9") as { dnsSuffix: string }).dnsSuffix });
});

it.each(["us-east", "useast1", "us-east-1a", "u-east-1", "abcde-east-1", "us-east-1/../x", "US-EAST-1", "us--east-1"])(
  "refuses %j",
  (region) => {
    expect(() => validateOptions({ region })).toThrow(BedrockInputError);
  },
);
