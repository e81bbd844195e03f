// InvokeModel on an image model: the hooks the emulator's InvokeModel dispatch calls (a problem to refuse with, or the answer).
import { baseModelOf } from "../../internal/model-id.js";
import { NO_STREAMING_MESSAGE } from "../aws-error.js";
import { answerImages, imageBodyProblem, imageFamily, type ImageFamily } from "./image-models.js";


const familyOf = (modelId: string): ImageFamily | undefined => {
  const base = baseModelOf(modelId);
  return base === undefined ? undefined : imageFamily(base);
};

/** Why Bedrock would refuse this InvokeModel body for an image model; `undefined` when it is not one, `""` when it is fine. */
export function imageInvokeProblem(stream: boolean, modelId: string, body: unknown): string | undefined {
  const family = familyOf(modelId);
  if (!family) return undefined;
  if (stream) return NO_STREAMING_MESSAGE;
  return imageBodyProblem(family, body) ?? "";
}

/** The JSON answer to an image request that passed `imageInvokeProblem`, or undefined for another model. */
export async function imageInvokeAnswer(modelId: string, body: unknown): Promise<Record<string, unknown> | undefined> {
  const family = familyOf(modelId);
  if (!family || imageBodyProblem(family, body) !== undefined) return undefined;
  return answerImages(family, body as Record<string, unknown>);
}
